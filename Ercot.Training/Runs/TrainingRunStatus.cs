using Ercot.Models.Evaluation;
using Ercot.Models;

namespace Ercot.Training.Runs;

public enum TrainingRunState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>Where a training run stands, kept as <c>training/runs/{id}.json</c> in the artifact store.</summary>
public sealed record TrainingRunStatus(
    string Id,
    TrainingRunState State,
    TrainingRequest Request,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    IReadOnlyList<string>? Progress = null,
    string? Error = null,
    TrainingRunSummary? Result = null);

/// <summary>What a finished run produced: the split and, per model, its version, role and overall metrics.</summary>
public sealed record TrainingRunSummary(TrainingSplit Split, IReadOnlyList<ModelSummary> Models, ForecastMetrics EnsembleTest, double Seconds, IReadOnlyList<string>? Warnings = null)
{
    public static TrainingRunSummary Of(TrainingOutcome outcome) => new(
        outcome.Split,
        [.. outcome.Models.Select(model => new ModelSummary(model.Model, model.Version, model.Role.ToString(), model.RoleReason,
            model.Validation.Overall, model.Test.Overall, model.Test.PerSettlementPoint))],
        outcome.EnsembleTest.Overall,
        Math.Round(outcome.Seconds, 2),
        outcome.Warnings is { Count: > 0 } warnings ? warnings : null);
}

public sealed record ModelSummary(string Model, string Version, string Role, string Reason, ForecastMetrics Validation, ForecastMetrics Test, IReadOnlyDictionary<string, ForecastMetrics> TestPerSettlementPoint);

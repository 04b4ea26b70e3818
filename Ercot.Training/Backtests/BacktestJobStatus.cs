using Ercot.Core.Storage;
using Ercot.Models.Backtesting;
using Ercot.Training.Runs;

namespace Ercot.Training.Backtests;

/// <summary>Where a backtest queued through the API stands, kept as <c>backtests/{id}/status.json</c> beside its files.</summary>
public sealed record BacktestJobStatus(
    string Id,
    TrainingRunState State,
    BacktestRequest Request,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    BacktestJobProgress? Progress = null,
    string? Error = null,
    BacktestSummary? Result = null);

/// <summary>Folds finished of all, and the fold at hand.</summary>
public sealed record BacktestJobProgress(int FoldsDone, int Folds, DateOnly FoldFrom, DateOnly FoldTo, string Stage);

/// <summary>
/// What a finished backtest found, in brief: the pooled skill of every forecast, the Diebold–Mariano tests,
/// and where its files are (report.md holds every table).
/// </summary>
public sealed record BacktestSummary(
    int Rows,
    double Seconds,
    IReadOnlyDictionary<string, SkillMetrics> Pooled,
    IReadOnlyList<DieboldMarianoTest> Tests,
    IReadOnlyDictionary<string, string> Files)
{
    public static BacktestSummary Of(BacktestReport report) => new(
        report.Rows,
        report.Seconds,
        report.Pooled,
        report.Tests,
        new Dictionary<string, string>
        {
            ["predictions"] = BacktestPaths.Predictions(report.Id),
            ["report"] = BacktestPaths.Report(report.Id),
            ["markdown"] = BacktestPaths.Markdown(report.Id),
        });
}

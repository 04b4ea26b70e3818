using System.Text.RegularExpressions;
using Ercot.Core.Time;
using Ercot.Training.Runs;
using Ercot.Models;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ercot.Training.Apis;

public static partial class TrainingApi
{
    public static IEndpointRouteBuilder MapTrainingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/training/runs").WithTags("Training");

        api.MapPost("/", StartAsync)
            .WithName("StartTrainingRun")
            .WithSummary("Queue a training run (models, data range, optional block starts); 202 with the run's id. One run at a time; others wait.");

        api.MapGet("/{id}", GetAsync)
            .WithName("GetTrainingRun")
            .WithSummary("A run's state, progress and, once finished, each model's metrics and registry role.");

        api.MapGet("/", ListAsync)
            .WithName("ListTrainingRuns")
            .WithSummary("The most recent runs, newest first.");

        return app;
    }

    internal static async Task<Results<Accepted<TrainingRunStatus>, ValidationProblem>> StartAsync(
        TrainingRunCommand command, PendingRuns queue, TrainingRunStore runs, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        if (command.From is not { } from || command.To is not { } to)
        {
            problems["range"] = ["Give both 'from' and 'to' as operating days (yyyy-MM-dd)."];
            return TypedResults.ValidationProblem(problems);
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if ((OperatingDays.Problem("from", from, today) ?? OperatingDays.Problem("to", to, today)
            ?? (command.ValidationFrom is { } v ? OperatingDays.Problem("validationFrom", v, today) : null)
            ?? (command.TestFrom is { } t ? OperatingDays.Problem("testFrom", t, today) : null)) is { } outside)
        {
            problems["range"] = [outside];
            return TypedResults.ValidationProblem(problems);
        }
        var models = command.Models is { Count: > 0 } chosen ? chosen : DartModels.Names;
        var unknown = models.Except(DartModels.Names).ToList();
        if (unknown.Count > 0)
        {
            problems["models"] = [$"Unknown model(s): {string.Join(", ", unknown)}; known: {string.Join(", ", DartModels.Names)}."];
        }
        try
        {
            TrainingSplit.Of(from, to, command.ValidationFrom, command.TestFrom);
        }
        catch (TrainingDataException e)
        {
            problems["range"] = [e.Message];
        }
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }
        var now = time.GetUtcNow();
        var status = new TrainingRunStatus($"{now.UtcDateTime:yyyyMMddTHHmmss}-{Guid.NewGuid().ToString("N")[..8]}", TrainingRunState.Queued,
            new TrainingRequest(from, to, [.. models], command.ValidationFrom, command.TestFrom), now);
        await runs.SaveAsync(status, cancellationToken);
        await queue.EnqueueAsync(QueuedJob.Now(JobKind.TrainingRun, status.Id), cancellationToken);
        return TypedResults.Accepted($"/training/runs/{status.Id}", status);
    }

    internal static async Task<Results<Ok<TrainingRunStatus>, ProblemHttpResult>> GetAsync(string id, TrainingRunStore runs, CancellationToken cancellationToken)
    {
        var status = RunId().IsMatch(id) ? await runs.FindAsync(id, cancellationToken) : null;
        return status is null
            ? TypedResults.Problem(title: "No such training run", detail: $"No training run has the id '{id}'.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(status);
    }

    internal static async Task<Ok<IReadOnlyList<TrainingRunStatus>>> ListAsync(TrainingRunStore runs, CancellationToken cancellationToken) =>
        TypedResults.Ok(await runs.RecentAsync(50, cancellationToken));

    [GeneratedRegex("^[0-9]{8}T[0-9]{6}-[0-9a-f]{8}$")]
    private static partial Regex RunId();
}

/// <summary>The body of <c>POST /training/runs</c>.</summary>
public sealed record TrainingRunCommand(DateOnly? From, DateOnly? To, List<string>? Models, DateOnly? ValidationFrom, DateOnly? TestFrom);

using System.Text.RegularExpressions;
using Ercot.Core.Time;
using Ercot.Models;
using Ercot.Models.Backtesting;
using Ercot.Training.Backtests;
using Ercot.Training.Runs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ercot.Training.Apis;

public static partial class BacktestApi
{
    public static IEndpointRouteBuilder MapBacktestApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/training/backtests").WithTags("Backtests");

        api.MapPost("/", StartAsync)
            .WithName("StartBacktest")
            .WithSummary("Queue a walk-forward backtest (training start, test range, models, monthly or weekly refits, optional fixed window and points); 202 with its id. It waits its turn with the training runs.");

        api.MapPost("/{id}/resume", ResumeAsync)
            .WithName("ResumeBacktest")
            .WithSummary("Queue a failed or cancelled backtest again: its finished folds are kept and only the rest run.");

        api.MapGet("/{id}", GetAsync)
            .WithName("GetBacktest")
            .WithSummary("A backtest's state, folds done and, once finished, the pooled skill of every forecast, the Diebold–Mariano tests and its files.");

        api.MapGet("/", ListAsync)
            .WithName("ListBacktests")
            .WithSummary("The most recent backtests, newest first.");

        return app;
    }

    internal static async Task<Results<Accepted<BacktestJobStatus>, ValidationProblem>> StartAsync(
        BacktestCommand command, PendingRuns queue, BacktestJobStore backtests, TimeProvider time, CancellationToken cancellationToken)
    {
        if (command.TrainFrom is not { } trainFrom || command.From is not { } from || command.To is not { } to)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["range"] = ["Give 'trainFrom', 'from' and 'to' as operating days (yyyy-MM-dd): training data from 'trainFrom', test days 'from'..'to'."],
            });
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if ((OperatingDays.Problem("trainFrom", trainFrom, today) ?? OperatingDays.Problem("from", from, today) ?? OperatingDays.Problem("to", to, today)) is { } outside)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["range"] = [outside] });
        }
        var request = new BacktestRequest(trainFrom, from, to, command.Models is { Count: > 0 } models ? models : DartModels.Names,
            command.Refit ?? RefitEvery.Month, command.WindowDays, command.Points is { Count: > 0 } points ? points : null,
            command.Cost ?? VirtualBids.DefaultCost, command.Theta, command.SizeByWidth ?? false);
        if (request.Problem() is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["backtest"] = [problem] });
        }
        var now = time.GetUtcNow();
        var status = new BacktestJobStatus($"{now.UtcDateTime:yyyyMMddTHHmmss}-{Guid.NewGuid().ToString("N")[..8]}", TrainingRunState.Queued, request, now);
        await backtests.SaveAsync(status, cancellationToken);
        await queue.EnqueueAsync(QueuedJob.Now(JobKind.Backtest, status.Id), cancellationToken);
        return TypedResults.Accepted($"/training/backtests/{status.Id}", status);
    }

    internal static async Task<Results<Accepted<BacktestJobStatus>, ProblemHttpResult>> ResumeAsync(
        string id, PendingRuns queue, BacktestJobStore backtests, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, backtests, cancellationToken) is not { } status)
        {
            return NotFound(id);
        }
        if (status.State is not (TrainingRunState.Failed or TrainingRunState.Cancelled))
        {
            return TypedResults.Problem(title: "Backtest not resumable",
                detail: $"Backtest '{id}' is {status.State}; only a failed or cancelled backtest can be resumed.", statusCode: StatusCodes.Status409Conflict);
        }
        status = status with { State = TrainingRunState.Queued, FinishedAt = null, Error = null };
        await backtests.SaveAsync(status, cancellationToken);
        await queue.EnqueueAsync(QueuedJob.Now(JobKind.Backtest, id), cancellationToken);
        return TypedResults.Accepted($"/training/backtests/{id}", status);
    }

    internal static async Task<Results<Ok<BacktestJobStatus>, ProblemHttpResult>> GetAsync(string id, BacktestJobStore backtests, CancellationToken cancellationToken) =>
        await FindAsync(id, backtests, cancellationToken) is { } status ? TypedResults.Ok(status) : NotFound(id);

    internal static async Task<Ok<IReadOnlyList<BacktestJobStatus>>> ListAsync(BacktestJobStore backtests, CancellationToken cancellationToken) =>
        TypedResults.Ok(await backtests.RecentAsync(50, cancellationToken));

    private static async Task<BacktestJobStatus?> FindAsync(string id, BacktestJobStore backtests, CancellationToken cancellationToken) =>
        BacktestId().IsMatch(id) ? await backtests.FindAsync(id, cancellationToken) : null;

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(title: "No such backtest", detail: $"No backtest has the id '{id}'.", statusCode: StatusCodes.Status404NotFound);

    [GeneratedRegex("^[0-9]{8}T[0-9]{6}-[0-9a-f]{8}$")]
    private static partial Regex BacktestId();
}

/// <summary>The body of <c>POST /training/backtests</c>; models default to every family, refits to monthly, the window to expanding.</summary>
public sealed record BacktestCommand(
    DateOnly? TrainFrom, DateOnly? From, DateOnly? To, List<string>? Models, RefitEvery? Refit, int? WindowDays, List<string>? Points,
    double? Cost = null, double? Theta = null, bool? SizeByWidth = null);

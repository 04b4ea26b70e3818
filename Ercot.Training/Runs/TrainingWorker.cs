using System.Diagnostics;
using Ercot.Models.Backtesting;
using Ercot.Training.Backtests;

namespace Ercot.Training.Runs;

/// <summary>
/// Runs queued training runs and backtests one at a time, recording progress and outcome in each job's status.
/// Stopping the service cancels the job in progress: a run publishes no model half-way; a backtest keeps its
/// finished folds, and the same id queued again resumes from them. Each job runs in a span of its own (linked to the
/// request that queued it) and logs its start and its outcome with its figures, so the dashboard shows the work.
/// </summary>
internal sealed partial class TrainingWorker(
    PendingRuns queue, TrainingRunStore runs, TrainingRunner runner, BacktestJobStore backtests, BacktestRunner backtester,
    TimeProvider time, ILogger<TrainingWorker> logger)
    : BackgroundService
{
    public static readonly ActivitySource Source = new("Ercot.Training");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.ReadAllAsync(stoppingToken))
        {
            var links = job.RequestedBy == default ? null : new[] { new ActivityLink(job.RequestedBy) };
            using var activity = Source.StartActivity(job.Kind == JobKind.TrainingRun ? "training run" : "backtest", ActivityKind.Internal, parentContext: default, links: links);
            activity?.SetTag("ercot.job.id", job.Id);
            switch (job.Kind)
            {
                case JobKind.TrainingRun:
                    await TrainAsync(job.Id, activity, stoppingToken);
                    break;
                case JobKind.Backtest:
                    await BacktestAsync(job.Id, activity, stoppingToken);
                    break;
            }
        }
    }

    private async Task TrainAsync(string id, Activity? activity, CancellationToken stoppingToken)
    {
        if (await runs.FindAsync(id, stoppingToken) is not { } status)
        {
            return;
        }
        var progress = new List<string>();
        LogRunStarted(logger, id, status.Request.From, status.Request.To, status.Request.Models);
        activity?.SetTag("ercot.window", $"{status.Request.From:yyyy-MM-dd}..{status.Request.To:yyyy-MM-dd}");
        status = status with { State = TrainingRunState.Running, StartedAt = time.GetUtcNow(), Progress = progress };
        await runs.SaveAsync(status, stoppingToken);
        try
        {
            var outcome = await runner.RunAsync(status.Request, new SynchronousProgress<string>(message =>
            {
                lock (progress)
                {
                    progress.Add($"{time.GetUtcNow():HH:mm:ss} {message}");
                }
            }), stoppingToken);
            await runs.SaveAsync(status with { State = TrainingRunState.Succeeded, FinishedAt = time.GetUtcNow(), Progress = [.. progress], Result = TrainingRunSummary.Of(outcome) }, CancellationToken.None);
            var models = string.Join("; ", outcome.Models.Select(model => $"{model.Model} {model.Version} {model.Role} (validation MAE {model.Validation.Overall.Mae:F3})"));
            activity?.SetTag("ercot.rows.train", outcome.TrainRows).SetTag("ercot.models", models).SetTag("ercot.test.mae", outcome.EnsembleTest.Overall.Mae);
            LogRunSucceeded(logger, id, outcome.TrainRows, outcome.ValidationRows, outcome.TestRows, outcome.Seconds, models, outcome.EnsembleTest.Overall.Mae);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await runs.SaveAsync(status with { State = TrainingRunState.Cancelled, FinishedAt = time.GetUtcNow(), Progress = [.. progress] }, CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            LogFailed(logger, "Training run", id, e);
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            await runs.SaveAsync(status with { State = TrainingRunState.Failed, FinishedAt = time.GetUtcNow(), Progress = [.. progress], Error = e.Message }, CancellationToken.None);
        }
    }

    private async Task BacktestAsync(string id, Activity? activity, CancellationToken stoppingToken)
    {
        if (await backtests.FindAsync(id, stoppingToken) is not { } status)
        {
            return;
        }
        LogBacktestStarted(logger, id, status.Request.From, status.Request.To, status.Request.Models);
        activity?.SetTag("ercot.window", $"{status.Request.From:yyyy-MM-dd}..{status.Request.To:yyyy-MM-dd}");
        status = status with { State = TrainingRunState.Running, StartedAt = time.GetUtcNow() };
        await backtests.SaveAsync(status, stoppingToken);
        // Each fold's progress is saved as it comes, so GET shows the folds done; saves are chained, never concurrent.
        var saving = Task.CompletedTask;
        try
        {
            var report = await backtester.RunAsync(id, status.Request, new SynchronousProgress<BacktestProgress>(step =>
            {
                status = status with { Progress = new BacktestJobProgress(step.FoldsDone, step.Folds, step.Fold.TestFrom, step.Fold.TestTo, step.Stage) };
                var snapshot = status;
                saving = saving.ContinueWith(_ => backtests.SaveAsync(snapshot, CancellationToken.None), TaskScheduler.Default).Unwrap();
            }), stoppingToken);
            await saving;
            var summary = BacktestSummary.Of(report);
            await backtests.SaveAsync(status with { State = TrainingRunState.Succeeded, FinishedAt = time.GetUtcNow(), Result = summary }, CancellationToken.None);
            var skill = string.Join("; ", summary.Pooled.Select(pair => $"{pair.Key} MAE {pair.Value.Mae:F3}"));
            activity?.SetTag("ercot.rows", summary.Rows).SetTag("ercot.skill", skill);
            LogBacktestSucceeded(logger, id, summary.Rows, summary.Seconds, skill);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await saving;
            await backtests.SaveAsync(status with { State = TrainingRunState.Cancelled, FinishedAt = time.GetUtcNow() }, CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            LogFailed(logger, "Backtest", id, e);
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            await saving;
            await backtests.SaveAsync(status with { State = TrainingRunState.Failed, FinishedAt = time.GetUtcNow(), Error = e.Message }, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training run {RunId} started: {From}..{To}, models {Models}")]
    private static partial void LogRunStarted(ILogger logger, string runId, DateOnly from, DateOnly to, IEnumerable<string> models);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training run {RunId} succeeded: {TrainRows} rows to train, {ValidationRows} to validate, {TestRows} to test, in {Seconds:F1} s; {Models}; ensemble test MAE {TestMae:F3}")]
    private static partial void LogRunSucceeded(ILogger logger, string runId, int trainRows, int validationRows, int testRows, double seconds, string models, double testMae);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backtest {BacktestId} started: test days {From}..{To}, models {Models}")]
    private static partial void LogBacktestStarted(ILogger logger, string backtestId, DateOnly from, DateOnly to, IEnumerable<string> models);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backtest {BacktestId} succeeded: {Rows} rows in {Seconds:F1} s; pooled {Skill}")]
    private static partial void LogBacktestSucceeded(ILogger logger, string backtestId, int rows, double seconds, string skill);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} {JobId} failed")]
    private static partial void LogFailed(ILogger logger, string job, string jobId, Exception exception);

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

using Ercot.Models.Backtesting;
using Ercot.Training.Backtests;

namespace Ercot.Training.Runs;

/// <summary>
/// Runs queued training runs and backtests one at a time, recording progress and outcome in each job's status.
/// Stopping the service cancels the job in progress: a run publishes no model half-way; a backtest keeps its
/// finished folds, and the same id queued again resumes from them.
/// </summary>
internal sealed partial class TrainingWorker(
    PendingRuns queue, TrainingRunStore runs, TrainingRunner runner, BacktestJobStore backtests, BacktestRunner backtester,
    TimeProvider time, ILogger<TrainingWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.ReadAllAsync(stoppingToken))
        {
            switch (job.Kind)
            {
                case JobKind.TrainingRun:
                    await TrainAsync(job.Id, stoppingToken);
                    break;
                case JobKind.Backtest:
                    await BacktestAsync(job.Id, stoppingToken);
                    break;
            }
        }
    }

    private async Task TrainAsync(string id, CancellationToken stoppingToken)
    {
        if (await runs.FindAsync(id, stoppingToken) is not { } status)
        {
            return;
        }
        var progress = new List<string>();
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
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await runs.SaveAsync(status with { State = TrainingRunState.Cancelled, FinishedAt = time.GetUtcNow(), Progress = [.. progress] }, CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            LogFailed(logger, "Training run", id, e);
            await runs.SaveAsync(status with { State = TrainingRunState.Failed, FinishedAt = time.GetUtcNow(), Progress = [.. progress], Error = e.Message }, CancellationToken.None);
        }
    }

    private async Task BacktestAsync(string id, CancellationToken stoppingToken)
    {
        if (await backtests.FindAsync(id, stoppingToken) is not { } status)
        {
            return;
        }
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
            await backtests.SaveAsync(status with { State = TrainingRunState.Succeeded, FinishedAt = time.GetUtcNow(), Result = BacktestSummary.Of(report) }, CancellationToken.None);
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
            await saving;
            await backtests.SaveAsync(status with { State = TrainingRunState.Failed, FinishedAt = time.GetUtcNow(), Error = e.Message }, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} {JobId} failed")]
    private static partial void LogFailed(ILogger logger, string job, string jobId, Exception exception);

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

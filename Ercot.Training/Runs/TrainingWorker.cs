using Ercot.Models;

namespace Ercot.Training.Runs;

/// <summary>
/// Runs queued training runs one at a time, recording progress and outcome in the run's status.
/// Stopping the service cancels the run in progress; its models are not published half-way.
/// </summary>
internal sealed partial class TrainingWorker(PendingRuns queue, TrainingRunStore runs, TrainingRunner runner, TimeProvider time, ILogger<TrainingWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in queue.ReadAllAsync(stoppingToken))
        {
            if (await runs.FindAsync(id, stoppingToken) is not { } status)
            {
                continue;
            }
            var progress = new List<string>();
            status = status with { State = TrainingRunState.Running, StartedAt = time.GetUtcNow(), Progress = progress };
            await runs.SaveAsync(status, stoppingToken);
            try
            {
                var outcome = await runner.RunAsync(status.Request, new SynchronousProgress(message =>
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
                LogFailed(logger, id, e);
                await runs.SaveAsync(status with { State = TrainingRunState.Failed, FinishedAt = time.GetUtcNow(), Progress = [.. progress], Error = e.Message }, CancellationToken.None);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Training run {RunId} failed")]
    private static partial void LogFailed(ILogger logger, string runId, Exception exception);

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}

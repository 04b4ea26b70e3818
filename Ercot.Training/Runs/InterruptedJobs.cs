using Ercot.Training.Backtests;

namespace Ercot.Training.Runs;

/// <summary>
/// At start, settles the training runs and backtests a previous process of this service owned and lost (the queue
/// lives in memory): one left Running is marked Failed ("interrupted by a restart"; a backtest keeps its finished
/// folds), one left Queued is queued again, in the order it was requested. A job that was running is not started
/// again by itself, so a job that brings the process down cannot do it in a loop.
/// </summary>
internal sealed partial class InterruptedJobs(
    TrainingRunStore runs, BacktestJobStore backtests, PendingRuns queue, TimeProvider time, ILogger<InterruptedJobs> logger)
    : BackgroundService
{
    public const string Interrupted = "Interrupted by a restart of the Training service while it ran; queue it again.";

    private readonly DateTimeOffset _started = time.GetUtcNow();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var requeue = new List<(DateTimeOffset RequestedAt, QueuedJob Job)>();
        // Only statuses written before this process started: a job requested of this process is its own.
        foreach (var run in (await runs.RecentAsync(int.MaxValue, stoppingToken)).Where(run => run.RequestedAt < _started))
        {
            if (run.State == TrainingRunState.Running)
            {
                await runs.SaveAsync(run with { State = TrainingRunState.Failed, FinishedAt = time.GetUtcNow(), Error = Interrupted }, stoppingToken);
                LogFailed(logger, "Training run", run.Id);
            }
            else if (run.State == TrainingRunState.Queued)
            {
                requeue.Add((run.RequestedAt, new QueuedJob(JobKind.TrainingRun, run.Id)));
            }
        }
        foreach (var backtest in (await backtests.RecentAsync(int.MaxValue, stoppingToken)).Where(backtest => backtest.RequestedAt < _started))
        {
            if (backtest.State == TrainingRunState.Running)
            {
                await backtests.SaveAsync(backtest with { State = TrainingRunState.Failed, FinishedAt = time.GetUtcNow(), Error = Interrupted }, stoppingToken);
                LogFailed(logger, "Backtest", backtest.Id);
            }
            else if (backtest.State == TrainingRunState.Queued)
            {
                requeue.Add((backtest.RequestedAt, new QueuedJob(JobKind.Backtest, backtest.Id)));
            }
        }
        foreach (var (_, job) in requeue.OrderBy(pair => pair.RequestedAt))
        {
            await queue.EnqueueAsync(job, stoppingToken);
            LogRequeued(logger, job.Kind, job.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} {JobId} was running when the service stopped; marked Failed")]
    private static partial void LogFailed(ILogger logger, string job, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} {JobId} was queued when the service stopped; queued again")]
    private static partial void LogRequeued(ILogger logger, JobKind kind, string jobId);
}

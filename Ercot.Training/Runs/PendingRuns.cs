using System.Threading.Channels;

namespace Ercot.Training.Runs;

/// <summary>What the worker runs: a training run or a walk-forward backtest.</summary>
public enum JobKind
{
    TrainingRun,
    Backtest,
}

/// <summary>A job waiting its turn, with the trace of the request that queued it (the job's span links to it).</summary>
public sealed record QueuedJob(JobKind Kind, string Id, System.Diagnostics.ActivityContext RequestedBy = default)
{
    public static QueuedJob Now(JobKind kind, string id) => new(kind, id, System.Diagnostics.Activity.Current?.Context ?? default);
}

/// <summary>Training runs and backtests waiting their turn: the worker takes one at a time, in order, whatever its kind.</summary>
public sealed class PendingRuns
{
    private readonly Channel<QueuedJob> _jobs = Channel.CreateUnbounded<QueuedJob>(new UnboundedChannelOptions { SingleReader = true });

    public ValueTask EnqueueAsync(QueuedJob job, CancellationToken cancellationToken = default) => _jobs.Writer.WriteAsync(job, cancellationToken);

    public IAsyncEnumerable<QueuedJob> ReadAllAsync(CancellationToken cancellationToken) => _jobs.Reader.ReadAllAsync(cancellationToken);
}

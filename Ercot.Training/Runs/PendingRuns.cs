using System.Threading.Channels;

namespace Ercot.Training.Runs;

/// <summary>Runs waiting their turn: the worker takes one at a time, in order.</summary>
public sealed class PendingRuns
{
    private readonly Channel<string> _runs = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public ValueTask EnqueueAsync(string runId, CancellationToken cancellationToken = default) => _runs.Writer.WriteAsync(runId, cancellationToken);

    public IAsyncEnumerable<string> ReadAllAsync(CancellationToken cancellationToken) => _runs.Reader.ReadAllAsync(cancellationToken);
}

using Ercot.Core.Replica;

namespace Ercot.Features.Replica;

/// <summary>What the market replica is doing, for its health check: off (and why), catching up, or live.</summary>
public sealed class ReplicaStatus
{
    private volatile Snapshot _current = new(ReplicaMode.Starting, "starting", null, null);

    public Snapshot Current => _current;

    public void Set(ReplicaMode mode, string description, ReplicaStep? last = null, string? error = null) =>
        _current = new Snapshot(mode, description, last ?? _current.Last, error);

    public sealed record Snapshot(ReplicaMode Mode, string Description, ReplicaStep? Last, string? Error);
}

public enum ReplicaMode
{
    Starting,
    /// <summary>Nothing is simulated: SQL Server, or a DuckDB file the replica did not write.</summary>
    Off,
    CatchingUp,
    Live,
    Failing,
}

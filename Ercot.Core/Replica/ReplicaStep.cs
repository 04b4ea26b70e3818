namespace Ercot.Core.Replica;

/// <summary>One publication by the replica: the rows ERCOT made public after <see cref="AfterUtc"/> and by <see cref="ThroughUtc"/>.</summary>
public sealed record ReplicaStep(DateTime? AfterUtc, DateTime ThroughUtc, long Rows, TimeSpan Duration);

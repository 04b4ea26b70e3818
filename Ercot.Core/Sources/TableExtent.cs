namespace Ercot.Core.Sources;

/// <summary>A table's row count and time range (UTC); the range is null when the table is empty.</summary>
public sealed record TableExtent(long Rows, DateTime? FirstUtc, DateTime? LastUtc);

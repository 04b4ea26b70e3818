using Ercot.Core.Schema;

namespace Ercot.Core.Sources;

/// <summary>What an upsert did: rows given, rows written after de-duplicating keys, and how many of those replaced existing rows.</summary>
public sealed record UpsertResult(ErcotTable Table, int RowsGiven, int RowsWritten, int RowsReplaced)
{
    public int RowsInserted => RowsWritten - RowsReplaced;
}

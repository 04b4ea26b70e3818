using Ercot.Core.Schema;

namespace Ercot.Core.Sources;

/// <summary>
/// The source tables, wherever they live: SQL Server in production, an embedded DuckDB file by
/// default. Rows are <c>object?[]</c> in <see cref="ErcotTable.Columns"/> order, with
/// <see cref="DateOnly"/>, <see cref="int"/>, <see cref="double"/>, <see cref="string"/>,
/// <see cref="bool"/> and <see cref="DateTime"/> values.
/// </summary>
public interface IErcotStore
{
    /// <summary>Says which store this is (never a password).</summary>
    string Location { get; }

    /// <summary>Creates the schema and tables that are missing; leaves existing ones and their rows alone.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts <paramref name="rows"/>, replacing rows with the same natural key, in one transaction:
    /// either every row is written or none is. Rows that repeat a key within the batch keep the last.
    /// </summary>
    Task<UpsertResult> UpsertAsync(ErcotTable table, IReadOnlyCollection<object?[]> rows, CancellationToken cancellationToken = default);

    /// <summary>Streams the rows whose <see cref="ErcotTable.TimeColumn"/> lies in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), in time order.</summary>
    IAsyncEnumerable<object?[]> ReadAsync(ErcotTable table, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default);

    /// <summary>How many rows the table holds, and the first and last <see cref="ErcotTable.TimeColumn"/> among them.</summary>
    Task<TableExtent> GetExtentAsync(ErcotTable table, CancellationToken cancellationToken = default);
}

namespace Ercot.Core.Schema;

/// <summary>
/// One source table: ERCOT's own columns and natural key (DST flag included), plus
/// <see cref="TimeColumn"/>, the UTC start of the interval a row describes (for SCED rows, the SCED
/// run's instant), by which every read is bounded. Rows are <c>object?[]</c> in column order.
/// </summary>
public sealed class ErcotTable
{
    public const string TimeColumn = "IntervalStartUtc";

    private readonly Dictionary<string, int> _ordinals;

    public ErcotTable(string name, string report, string description, IEnumerable<ErcotColumn> columns, IEnumerable<string> key)
    {
        Name = name;
        Report = report;
        Description = description;
        Columns = [.. columns, ErcotColumn.Utc(TimeColumn)];
        _ordinals = Columns.Select((column, index) => (column.Name, index)).ToDictionary(StringComparer.Ordinal);
        Key = [.. key];
        foreach (var column in Key)
        {
            if (!_ordinals.TryGetValue(column, out var ordinal) || Columns[ordinal].IsNullable)
            {
                throw new ArgumentException($"Key column '{column}' of {name} must be a non-nullable column of the table.", nameof(key));
            }
        }
        KeyOrdinals = [.. Key.Select(column => _ordinals[column])];
        TimeOrdinal = _ordinals[TimeColumn];
    }

    public string Name { get; }

    /// <summary>The ERCOT report the table holds, e.g. <c>NP4-190-CD</c>.</summary>
    public string Report { get; }

    public string Description { get; }

    public IReadOnlyList<ErcotColumn> Columns { get; }

    public IReadOnlyList<string> Key { get; }

    public IReadOnlyList<int> KeyOrdinals { get; }

    public int TimeOrdinal { get; }

    public int Ordinal(string column) => _ordinals.TryGetValue(column, out var ordinal)
        ? ordinal
        : throw new ArgumentException($"{Name} has no column '{column}'.", nameof(column));

    /// <summary>A new row of the right width, all null.</summary>
    public object?[] NewRow() => new object?[Columns.Count];

    /// <summary>The row's natural key, for de-duplication before an upsert.</summary>
    public RowKey KeyOf(object?[] row) => new(row, KeyOrdinals);

    public override string ToString() => Name;
}

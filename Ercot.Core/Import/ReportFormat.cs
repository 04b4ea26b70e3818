using Ercot.Core.Schema;

namespace Ercot.Core.Import;

public enum ReportFileKind
{
    Csv,
    Parquet,
}

/// <summary>
/// One ERCOT report layout: recognised by its columns, mapped record by record into one table.
/// A format with a <see cref="SkipReason"/> is recognised only to be left out, saying why; records
/// for which <c>carriesData</c> says false (placeholders with no value) are passed over.
/// </summary>
public sealed class ReportFormat(
    string name,
    ReportFileKind kind,
    ErcotTable? table,
    IReadOnlyList<string> requiredColumns,
    Action<SourceRecord, RowWriter>? map,
    string? skipReason = null,
    Func<SourceRecord, bool>? carriesData = null)
{
    public string Name { get; } = name;

    public ReportFileKind Kind { get; } = kind;

    public ErcotTable? Table { get; } = table;

    public IReadOnlyList<string> RequiredColumns { get; } = requiredColumns;

    public string? SkipReason { get; } = skipReason;

    /// <summary>Reads every record of <paramref name="file"/> into rows; throws <see cref="ImportException"/> at the first bad value.</summary>
    public List<object?[]> ReadRows(string file, Action<long>? onRecords = null)
    {
        if (Table is null || map is null)
        {
            throw new InvalidOperationException($"{Name} is not imported: {SkipReason}");
        }
        var writer = new RowWriter(Table);
        var rows = new List<object?[]>();
        var records = Kind == ReportFileKind.Csv ? CsvSource.Read(file) : ParquetSource.Read(file);
        foreach (var record in records)
        {
            if (carriesData is not null && !carriesData(record))
            {
                continue;
            }
            map(record, writer);
            rows.Add(writer.Take());
            if (rows.Count % 50_000 == 0)
            {
                onRecords?.Invoke(rows.Count);
            }
        }
        return rows;
    }

    public override string ToString() => Name;
}

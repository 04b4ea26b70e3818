using Ercot.Core.Schema;
using Ercot.Core.Time;

namespace Ercot.Core.Import;

/// <summary>
/// Every ERCOT report layout the importer knows, recognised by its columns rather than its file
/// name: MIS CSV, public-API CSV, Parquet dumps, the native-load workbook export, AS prices.
/// </summary>
public static partial class ReportFormats
{
    // Built by methods rather than field initializers: partial classes give no order between files' static fields.
    public static IReadOnlyList<ReportFormat> All { get; } =
    [
        .. PriceFormats(),
        .. LoadFormats(),
        .. RenewableFormats(),
    ];

    /// <summary>The format of <paramref name="file"/>, or an error that says which columns the closest format misses.</summary>
    public static ReportFormat Detect(string file)
    {
        var kind = Path.GetExtension(file).ToUpperInvariant() switch
        {
            ".CSV" => ReportFileKind.Csv,
            ".PARQUET" => ReportFileKind.Parquet,
            _ => throw new ImportException(file, "is neither a .csv nor a .parquet file"),
        };
        var header = kind == ReportFileKind.Csv ? CsvSource.ReadHeader(file) : ParquetSource.ReadColumns(file);
        var columns = header.Select(ColumnIndex.Normalize).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var candidates = All.Where(format => format.Kind == kind).ToList();

        var match = candidates
            .Where(format => format.RequiredColumns.All(columns.Contains))
            .MaxBy(format => format.RequiredColumns.Count);
        if (match is not null)
        {
            return match;
        }
        var closest = candidates.MaxBy(format => format.RequiredColumns.Count(columns.Contains))!;
        var missing = closest.RequiredColumns.Where(column => !columns.Contains(column)).Select(column => $"'{column}'");
        throw new ImportException(file, kind == ReportFileKind.Csv ? "line 1" : "schema", null,
            $"the columns match no known ERCOT report; the closest, {closest.Name}, also needs {string.Join(", ", missing)}");
    }

    /// <summary>Reads date, hour ending and DST flag (false where the layout has no flag column), and writes them with the hour's UTC start.</summary>
    private static void WriteHour(SourceRecord record, RowWriter row, string dateColumn, string hourColumn, string flagColumn, string dateTarget)
    {
        var date = record.Date(dateColumn);
        var hour = record.HourEnding(hourColumn);
        var repeated = record.Has(flagColumn) && record.Flag(flagColumn);
        row[dateTarget] = date;
        row["HourEnding"] = hour;
        row["DSTFlag"] = repeated;
        row[ErcotTable.TimeColumn] = record.Check(hourColumn, () => ErcotTime.HourStartUtc(date, hour, repeated));
    }

    /// <summary>Copies numeric columns whose source and table names differ (or not).</summary>
    private static void WriteValues(SourceRecord record, RowWriter row, IEnumerable<(string Source, string Target)> columns)
    {
        foreach (var (source, target) in columns)
        {
            row[target] = record.OptionalReal(source);
        }
    }

    private static IEnumerable<(string, string)> Same(params string[] names) => names.Select(name => (name, name));

    private static ReportFormat[] InBothKinds(string name, ErcotTable table, string[] columns, Action<SourceRecord, RowWriter> map) =>
    [
        new($"{name} (CSV)", ReportFileKind.Csv, table, columns, map),
        new($"{name} (Parquet)", ReportFileKind.Parquet, table, columns, map),
    ];
}

namespace Ercot.Core.Import;

/// <summary>The outcome of an import: every file's result and the totals per table.</summary>
public sealed record ImportReport(IReadOnlyList<FileImportResult> Files, TimeSpan Duration)
{
    public IEnumerable<FileImportResult> Failures => Files.Where(file => file.Status == FileImportStatus.Failed);

    public bool Succeeded => !Failures.Any();

    public int RowsRead => Files.Sum(file => file.RowsRead);

    public IReadOnlyList<TableTotals> Tables => Files
        .Where(file => file.Status == FileImportStatus.Imported)
        .GroupBy(file => file.Table!)
        .Select(group => new TableTotals(group.Key, group.Count(), group.Sum(file => file.RowsRead), group.Sum(file => file.RowsWritten), group.Sum(file => file.RowsReplaced)))
        .OrderBy(totals => totals.Table, StringComparer.Ordinal)
        .ToList();
}

public sealed record TableTotals(string Table, int Files, int RowsRead, int RowsWritten, int RowsReplaced);

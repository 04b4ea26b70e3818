namespace Ercot.Core.Import;

public enum FileImportStatus
{
    Imported,
    Skipped,
    Failed,
}

/// <summary>What happened to one file: its format and table, rows read and written, or why it was skipped or rejected.</summary>
public sealed record FileImportResult(
    string File,
    FileImportStatus Status,
    string? Format,
    string? Table,
    int RowsRead,
    int RowsWritten,
    int RowsReplaced,
    TimeSpan Duration,
    string? Message = null);

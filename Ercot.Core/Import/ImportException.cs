namespace Ercot.Core.Import;

/// <summary>A file that cannot be imported; the message names the file, the line (or row) and the column.</summary>
public sealed class ImportException : Exception
{
    public ImportException(string file, string location, string? column, string problem)
        : base($"{Path.GetFileName(file)}:{location}: {(column is null ? "" : $"column '{column}': ")}{problem}")
    {
        File = file;
        Location = location;
        Column = column;
    }

    public ImportException(string file, string problem)
        : base($"{Path.GetFileName(file)}: {problem}")
    {
        File = file;
        Location = "";
    }

    public ImportException()
    {
        File = "";
        Location = "";
    }

    public ImportException(string message) : base(message)
    {
        File = "";
        Location = "";
    }

    public ImportException(string message, Exception innerException) : base(message, innerException)
    {
        File = "";
        Location = "";
    }

    public string File { get; }

    /// <summary><c>line 12</c> in a CSV file (the header is line 1), <c>row 12</c> in a Parquet file.</summary>
    public string Location { get; }

    public string? Column { get; }
}

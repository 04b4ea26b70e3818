using System.Text;

namespace Ercot.Core.Import;

/// <summary>
/// Reads an ERCOT CSV file: a header line, then one record a line. Header names are trimmed
/// (<c>REGUP </c>) and matched case-insensitively; values keep their text for the record to convert.
/// </summary>
public static class CsvSource
{
    public static IReadOnlyList<string> ReadHeader(string file)
    {
        using var reader = new StreamReader(file, Encoding.UTF8);
        var header = reader.ReadLine() ?? throw new ImportException(file, "line 1", null, "the file is empty; expected a header line");
        return Split(header);
    }

    public static IEnumerable<SourceRecord> Read(string file)
    {
        using var reader = new StreamReader(file, Encoding.UTF8);
        var header = Split(reader.ReadLine() ?? throw new ImportException(file, "line 1", null, "the file is empty; expected a header line"));
        var columns = ColumnIndex.Create(file, header);
        var record = new CsvRecord(file, columns);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            var fields = Split(line);
            if (fields.Count != header.Count)
            {
                throw new ImportException(file, $"line {lineNumber}", null, $"has {fields.Count} fields; the header has {header.Count}");
            }
            record.Move(lineNumber, fields);
            yield return record;
        }
    }

    /// <summary>Splits one line on commas, honouring double-quoted fields.</summary>
    internal static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>One record, reused for every line: the importer copies what it needs into a row.</summary>
    private sealed class CsvRecord(string file, ColumnIndex columns) : SourceRecord(file)
    {
        private int _line;
        private List<string> _fields = [];

        public override string Location => $"line {_line}";

        public void Move(int line, List<string> fields)
        {
            _line = line;
            _fields = fields;
        }

        public override bool Has(string column) => columns.Has(column);

        protected override object? Raw(string column)
        {
            var text = _fields[columns.Ordinal(column)];
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }
    }
}

using DuckDB.NET.Data;

namespace Ercot.Core.Import;

/// <summary>Reads a Parquet report file through an in-memory DuckDB, one typed record a row.</summary>
public static class ParquetSource
{
    public static IReadOnlyList<string> ReadColumns(string file)
    {
        using var connection = Open(file);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet({Literal(file)}))";
        var columns = new List<string>();
        using var reader = Execute(command, file);
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }
        return columns;
    }

    public static IEnumerable<SourceRecord> Read(string file)
    {
        using var connection = Open(file);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM read_parquet({Literal(file)})";
        using var reader = Execute(command, file);
        var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var record = new ParquetRecord(file, ColumnIndex.Create(file, header), reader);
        while (reader.Read())
        {
            record.Row++;
            yield return record;
        }
    }

    private static DuckDBConnection Open(string file)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SET autoinstall_known_extensions = false";
        command.ExecuteNonQuery();
        return connection;
    }

    private static DuckDBDataReader Execute(DuckDBCommand command, string file)
    {
        try
        {
            return (DuckDBDataReader)command.ExecuteReader();
        }
        catch (DuckDBException e)
        {
            throw new ImportException(file, $"not a readable Parquet file: {e.Message}");
        }
    }

    private static string Literal(string path) => $"'{path.Replace("'", "''", StringComparison.Ordinal)}'";

    private sealed class ParquetRecord(string file, ColumnIndex columns, DuckDBDataReader reader) : SourceRecord(file)
    {
        public long Row { get; set; }

        public override string Location => $"row {Row}";

        public override bool Has(string column) => columns.Has(column);

        protected override object? Raw(string column)
        {
            var ordinal = columns.Ordinal(column);
            return reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal);
        }
    }
}

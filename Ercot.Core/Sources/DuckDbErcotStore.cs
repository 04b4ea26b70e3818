using System.Data.Common;
using DuckDB.NET.Data;
using Ercot.Core.Schema;

namespace Ercot.Core.Sources;

/// <summary>The embedded default: the source tables in one DuckDB file, bulk-written through DuckDB's appender.</summary>
public sealed class DuckDbErcotStore(string path) : RelationalErcotStore(new DuckDbDialect())
{
    private readonly string _path = Path.GetFullPath(path);

    /// <summary>The database file, for DuckDB workspaces that attach it read-only.</summary>
    public string DatabasePath => _path;

    public override string Location => $"DuckDB file {_path}";

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var connection = new DuckDBConnection($"DataSource={_path}");
        await connection.OpenAsync(cancellationToken);
        // Everything needed (Parquet, ICU) is built in; never reach out to the network for extensions.
        await ExecuteAsync(connection, null, "SET autoinstall_known_extensions = false", cancellationToken);
        return connection;
    }

    protected override Task BulkLoadAsync(
        DbConnection connection, DbTransaction transaction, ErcotTable table, string staging,
        IReadOnlyCollection<object?[]> rows, CancellationToken cancellationToken)
    {
        using var appender = ((DuckDBConnection)connection).CreateAppender("temp", "main", "stage_" + table.Name);
        foreach (var values in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AppendRow(appender, table, values);
        }
        return Task.CompletedTask;
    }

    /// <summary>Appends one row of <paramref name="table"/> through a DuckDB appender.</summary>
    public static void AppendRow(DuckDBAppender appender, ErcotTable table, object?[] values)
    {
        var row = appender.CreateRow();
        for (var i = 0; i < table.Columns.Count; i++)
        {
            Append(row, table.Columns[i], values[i]);
        }
        row.EndRow();
    }

    private static void Append(IDuckDBAppenderRow row, ErcotColumn column, object? value)
    {
        if (value is null)
        {
            row.AppendNullValue();
            return;
        }
        _ = column.Type switch
        {
            ColumnType.Date => row.AppendValue((DateOnly)value),
            ColumnType.SmallInt => row.AppendValue((short)(int)value),
            ColumnType.Real => row.AppendValue((double)value),
            ColumnType.Text => row.AppendValue((string)value),
            ColumnType.Boolean => row.AppendValue((bool)value),
            ColumnType.LocalTimestamp or ColumnType.UtcTimestamp => row.AppendValue((DateTime)value),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, null),
        };
    }
}

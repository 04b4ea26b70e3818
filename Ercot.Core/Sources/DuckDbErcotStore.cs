using System.Collections.Concurrent;
using System.Data.Common;
using DuckDB.NET.Data;
using Ercot.Core.Schema;

namespace Ercot.Core.Sources;

/// <summary>
/// The embedded default: the source tables in one DuckDB file, bulk-written through DuckDB's appender. DuckDB lets
/// one process write a file, and two database instances of one process must not have it open at once (a feature build
/// attaches it in its own): every use in this process takes the file's gate (<see cref="HoldAsync"/>) first, so the
/// market replica's writes and a build's reads take turns instead of locking each other out.
/// </summary>
public sealed class DuckDbErcotStore(string path) : RelationalErcotStore(new DuckDbDialect())
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private readonly string _path = Path.GetFullPath(path);

    /// <summary>The database file, for DuckDB workspaces that attach it read-only.</summary>
    public string DatabasePath => _path;

    public override string Location => $"DuckDB file {_path}";

    /// <summary>Waits for this process's turn at the file; disposing the result gives it up.</summary>
    public async Task<IDisposable> HoldAsync(CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(_path, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Turn(gate);
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var turn = await HoldAsync(cancellationToken);
        var connection = new DuckDBConnection($"DataSource={_path}");
        connection.Disposed += (_, _) => turn.Dispose();
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Everything needed (Parquet, ICU) is built in; never reach out to the network for extensions.
            await ExecuteAsync(connection, null, "SET autoinstall_known_extensions = false", cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
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

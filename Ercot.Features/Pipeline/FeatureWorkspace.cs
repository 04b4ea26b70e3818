using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Ercot.Core.Schema;
using Ercot.Core.Sources;
using Ercot.Core.Time;

namespace Ercot.Features.Pipeline;

/// <summary>
/// An in-memory DuckDB where a build happens: the source tables staged for the range (copied straight
/// from a DuckDB store, streamed through <see cref="IErcotStore"/> from any other), plus the hour grid.
/// </summary>
internal sealed class FeatureWorkspace : IAsyncDisposable
{
    /// <summary>DuckDB's memory budget for a build.</summary>
    public const string MemoryLimit = "1800MB";

    private readonly DuckDBConnection _connection;
    private IDisposable? _sourceTurn;

    private FeatureWorkspace(DuckDBConnection connection) => _connection = connection;

    public static async Task<FeatureWorkspace> OpenAsync(string spillFolder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(spillFolder);
        var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync(cancellationToken);
        var workspace = new FeatureWorkspace(connection);
        await workspace.ExecuteAsync("SET autoinstall_known_extensions = false", cancellationToken);
        await workspace.ExecuteAsync($"SET temp_directory = {Literal(spillFolder)}", cancellationToken);
        await workspace.ExecuteAsync("SET preserve_insertion_order = false", cancellationToken);
        // Past this DuckDB spills to the folder above instead of growing: a 1M-row build fits in ~3 GB.
        await workspace.ExecuteAsync($"SET memory_limit = '{MemoryLimit}'", cancellationToken);
        return workspace;
    }

    /// <summary>
    /// Makes each source table's rows with <see cref="ErcotTable.TimeColumn"/> in [<paramref name="fromUtc"/>,
    /// <paramref name="toUtc"/>) available under the table's name: a DuckDB store is attached read-only and
    /// read in place through views (nothing copied); any other store is streamed into workspace tables.
    /// Returns the rows in range per table.
    /// </summary>
    public async Task<Dictionary<string, long>> StageAsync(IErcotStore store, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var dialect = new DuckDbDialect();
        var rows = new Dictionary<string, long>();
        var range = $"{dialect.Quote(ErcotTable.TimeColumn)} >= {Literal(fromUtc)} AND {dialect.Quote(ErcotTable.TimeColumn)} < {Literal(toUtc)}";
        if (store is DuckDbErcotStore duck)
        {
            // Held until the workspace closes: the views read the file for the whole build.
            _sourceTurn ??= await duck.HoldAsync(cancellationToken);
            await ExecuteAsync($"ATTACH {Literal(duck.DatabasePath)} AS source (READ_ONLY)", cancellationToken);
            foreach (var table in ErcotTables.All)
            {
                await ExecuteAsync($"CREATE VIEW {dialect.Quote(table.Name)} AS SELECT * FROM source.main.{dialect.Quote(table.Name)} WHERE {range}", cancellationToken);
                rows[table.Name] = Convert.ToInt64((await QueryAsync($"SELECT count(*) FROM {dialect.Quote(table.Name)}", cancellationToken))[0][0], CultureInfo.InvariantCulture);
            }
            return rows;
        }
        foreach (var statement in dialect.SchemaStatements(ErcotTables.All))
        {
            await ExecuteAsync(statement, cancellationToken);
        }
        foreach (var table in ErcotTables.All)
        {
            long count = 0;
            using var appender = _connection.CreateAppender("main", table.Name);
            await foreach (var values in store.ReadAsync(table, fromUtc, toUtc, cancellationToken))
            {
                DuckDbErcotStore.AppendRow(appender, table, values);
                count++;
            }
            rows[table.Name] = count;
        }
        return rows;
    }

    /// <summary>
    /// Writes <c>hour_labels</c> (every hour of the staged days, with its operating day's gate) and
    /// <c>grid_hours</c> (the hours to build, with calendar columns), computed with ERCOT time.
    /// </summary>
    public async Task WriteHoursAsync(DateOnly stagedFrom, DateOnly stagedTo, DateOnly gridFrom, DateOnly gridTo, CancellationToken cancellationToken)
    {
        await ExecuteAsync("CREATE TABLE hour_labels (t TIMESTAMP, d DATE, he INTEGER, f BOOLEAN, gate TIMESTAMP)", cancellationToken);
        await ExecuteAsync(
            "CREATE TABLE grid_hours (t TIMESTAMP, d DATE, he INTEGER, f BOOLEAN, gate TIMESTAMP, dow INTEGER, holiday INTEGER, hours_in_day INTEGER)",
            cancellationToken);
        using (var labels = _connection.CreateAppender("hour_labels"))
        using (var grid = _connection.CreateAppender("grid_hours"))
        {
            for (var day = stagedFrom; day <= stagedTo; day = day.AddDays(1))
            {
                var gate = ErcotTime.GateClosureUtc(day);
                var hours = ErcotTime.HoursInDay(day);
                var holiday = ErcotHolidays.IsHoliday(day) ? 1 : 0;
                foreach (var hour in ErcotTime.HoursOf(day))
                {
                    labels.CreateRow().AppendValue(hour.StartUtc).AppendValue(day).AppendValue(hour.HourEnding).AppendValue(hour.IsRepeated).AppendValue(gate).EndRow();
                    if (day >= gridFrom && day <= gridTo)
                    {
                        grid.CreateRow().AppendValue(hour.StartUtc).AppendValue(day).AppendValue(hour.HourEnding).AppendValue(hour.IsRepeated)
                            .AppendValue(gate).AppendValue((int)day.DayOfWeek).AppendValue(holiday).AppendValue(hours).EndRow();
                    }
                }
            }
        }
    }

    /// <summary>Writes <c>requested_points</c>: the points a build is limited to (none: every point with a target).</summary>
    public async Task WritePointsAsync(IReadOnlyList<string> points, CancellationToken cancellationToken)
    {
        await ExecuteAsync("CREATE TABLE requested_points (p VARCHAR)", cancellationToken);
        using var appender = _connection.CreateAppender("requested_points");
        foreach (var point in points.Distinct(StringComparer.Ordinal))
        {
            appender.CreateRow().AppendValue(point).EndRow();
        }
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<List<object?[]>> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    public static string Literal(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

    public static string Literal(DateTime utc) => $"TIMESTAMP '{utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}'";

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _sourceTurn?.Dispose();
    }
}

using System.Collections.Concurrent;
using DuckDB.NET.Data;
using Ercot.Core.Storage;

namespace Ercot.Desk.Data;

/// <summary>
/// A finished backtest's files, read from the artifact store the services share: <c>report.json</c> (every table) and
/// <c>predictions.parquet</c> (every hour: actual, forecasts, interval, positions), which DuckDB turns into the daily
/// series the charts draw. Finished backtests never change, so a downloaded file is kept (one temporary file each).
/// </summary>
public sealed class BacktestFiles(IArtifactStore artifacts) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> _local = new(StringComparer.Ordinal);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ercot-desk", Guid.NewGuid().ToString("N"));

    public Task<BacktestReport?> ReportAsync(string id, CancellationToken cancellationToken) =>
        artifacts.ReadJsonAsync<BacktestReport>(BacktestPaths.Report(id), ErcotServices.Json, cancellationToken);

    public Task<Stream?> OpenPredictionsAsync(string id, CancellationToken cancellationToken) =>
        artifacts.TryOpenReadAsync(BacktestPaths.Predictions(id), cancellationToken);

    /// <summary>The settlement points of a backtest's predictions, in order.</summary>
    public async Task<IReadOnlyList<string>> PointsAsync(string id, CancellationToken cancellationToken)
    {
        var points = new List<string>();
        await QueryAsync(id, "SELECT DISTINCT settlement_point FROM p ORDER BY 1", reader => points.Add(reader.GetString(0)), cancellationToken);
        return points;
    }

    /// <summary>
    /// Per day: the mean actual DART of <paramref name="point"/> and the ensemble's mean forecast with its mean 80% band;
    /// and, pooled over every point, the day's PnL of the ensemble's positions and of "always INC" after <paramref name="cost"/>.
    /// </summary>
    public async Task<BacktestSeries?> SeriesAsync(string id, string point, double cost, CancellationToken cancellationToken)
    {
        var days = new List<DailyForecast>();
        var found = await QueryAsync(id, $"""
            SELECT delivery_date, avg(actual), avg(ensemble), avg(p10), avg(p90) FROM p
            WHERE settlement_point = '{point.Replace("'", "''", StringComparison.Ordinal)}' GROUP BY 1 ORDER BY 1
            """,
            reader => days.Add(new DailyForecast(DateOnly.FromDateTime(reader.GetDateTime(0)), reader.GetDouble(1), reader.GetDouble(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.IsDBNull(4) ? null : reader.GetDouble(4))),
            cancellationToken);
        if (!found)
        {
            return null;
        }
        var pnl = new List<DailyPnl>();
        var costText = cost.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        await QueryAsync(id, $"""
            SELECT delivery_date,
                   sum(ensemble_position * actual - abs(ensemble_position) * {costText}),
                   sum(actual - {costText})
            FROM p GROUP BY 1 ORDER BY 1
            """,
            reader => pnl.Add(new DailyPnl(DateOnly.FromDateTime(reader.GetDateTime(0)), reader.GetDouble(1), reader.GetDouble(2))),
            cancellationToken);
        return new BacktestSeries(point, days, pnl);
    }

    /// <summary>Writes the predictions as CSV to <paramref name="target"/>.</summary>
    public async Task<bool> WriteCsvAsync(string id, Stream target, CancellationToken cancellationToken)
    {
        if (await LocalFileAsync(id, cancellationToken) is not { } file)
        {
            return false;
        }
        var csv = Path.Combine(_folder, $"{Guid.NewGuid():N}.csv");
        try
        {
            using (var connection = new DuckDBConnection("DataSource=:memory:"))
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = $"COPY (SELECT * FROM read_parquet('{Quote(file)}')) TO '{Quote(csv)}' (HEADER, DELIMITER ',')";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await using var stream = File.OpenRead(csv);
            await stream.CopyToAsync(target, cancellationToken);
            return true;
        }
        finally
        {
            File.Delete(csv);
        }
    }

    private async Task<bool> QueryAsync(string id, string sql, Action<System.Data.Common.DbDataReader> read, CancellationToken cancellationToken)
    {
        if (await LocalFileAsync(id, cancellationToken) is not { } file)
        {
            return false;
        }
        using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync(cancellationToken);
        await using (var view = connection.CreateCommand())
        {
            view.CommandText = $"CREATE VIEW p AS SELECT * FROM read_parquet('{Quote(file)}')";
            await view.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            read(reader);
        }
        return true;
    }

    /// <summary>The predictions as a local file, downloaded once; null when the backtest has none.</summary>
    private async Task<string?> LocalFileAsync(string id, CancellationToken cancellationToken)
    {
        var download = _local.GetOrAdd(id, key => new Lazy<Task<string?>>(() => DownloadAsync(key)));
        string? file;
        try
        {
            file = await download.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            _local.TryRemove(id, out _);
            throw;
        }
        if (file is null)
        {
            // Not there yet (a running backtest): look again next time.
            _local.TryRemove(id, out _);
        }
        return file;
    }

    private async Task<string?> DownloadAsync(string id)
    {
        await using var source = await artifacts.TryOpenReadAsync(BacktestPaths.Predictions(id));
        if (source is null)
        {
            return null;
        }
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, $"{id}.parquet");
        var partial = file + ".partial";
        await using (var target = File.Create(partial))
        {
            await source.CopyToAsync(target);
        }
        File.Move(partial, file, overwrite: true);
        return file;
    }

    private static string Quote(string path) => path.Replace("'", "''", StringComparison.Ordinal);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

/// <summary>What a backtest page charts.</summary>
public sealed record BacktestSeries(string Point, IReadOnlyList<DailyForecast> Days, IReadOnlyList<DailyPnl> Pnl);

public sealed record DailyForecast(DateOnly Day, double Actual, double Forecast, double? P10, double? P90);

public sealed record DailyPnl(DateOnly Day, double Ensemble, double AlwaysInc);

using DuckDB.NET.Data;
using Ercot.Core.Storage;

namespace Ercot.Models.Backtesting;

/// <summary>
/// Writes a backtest's predictions as one Parquet file (actual, each model, ensemble, baselines, the 80% interval
/// and the unconditional one, the strategies' positions), through a local temporary file, whole or not at all.
/// </summary>
internal static class BacktestFiles
{
    public static async Task WritePredictionsAsync(IArtifactStore artifacts, string path, IReadOnlyList<string> models, IReadOnlyList<BacktestFoldResult> folds, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ercot-backtest", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "predictions.parquet");
            using (var connection = new DuckDBConnection("DataSource=:memory:"))
            {
                await connection.OpenAsync(cancellationToken);
                var modelColumns = string.Concat(models.Select(model => $", \"{model}\" DOUBLE"));
                await ExecuteAsync(connection,
                    $"CREATE TABLE p (fold INTEGER, settlement_point VARCHAR, delivery_hour_utc TIMESTAMP, delivery_date DATE, hour_ending INTEGER, " +
                    $"actual DOUBLE{modelColumns}, ensemble DOUBLE, zero DOUBLE, constant DOUBLE, week_ago DOUBLE, p10 DOUBLE, p90 DOUBLE, " +
                    $"unconditional_p10 DOUBLE, unconditional_p90 DOUBLE, ensemble_position DOUBLE, constant_position DOUBLE)", cancellationToken);
                using (var appender = connection.CreateAppender("p"))
                {
                    foreach (var fold in folds)
                    {
                        foreach (var row in fold.Predictions)
                        {
                            var line = appender.CreateRow().AppendValue(fold.Fold.Index).AppendValue(row.Point).AppendValue(row.HourUtc).AppendValue(row.Day)
                                .AppendValue(row.HourEnding).AppendValue(row.Actual);
                            foreach (var value in row.Models)
                            {
                                line = line.AppendValue(value);
                            }
                            line.AppendValue(row.Ensemble).AppendValue(0.0).AppendValue(row.Constant).AppendValue(row.WeekAgo)
                                .AppendValue(row.P10).AppendValue(row.P90).AppendValue(row.UnconditionalP10).AppendValue(row.UnconditionalP90)
                                .AppendValue(row.EnsemblePosition).AppendValue(row.ConstantPosition).EndRow();
                        }
                    }
                }
                await ExecuteAsync(connection,
                    $"COPY (SELECT * FROM p ORDER BY delivery_hour_utc, settlement_point) TO '{file.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)", cancellationToken);
            }
            await using var stream = File.OpenRead(file);
            await artifacts.WriteAsync(path, stream, cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ExecuteAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

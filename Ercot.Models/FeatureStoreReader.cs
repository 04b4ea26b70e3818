using System.Globalization;
using DuckDB.NET.Data;
using Ercot.Core.Schema.Features;
using Ercot.Core.Storage;

namespace Ercot.Models;

/// <summary>
/// Loads the feature store's rows with a known target for a range of operating days, after checking
/// that the store was built with the feature schema this trainer was written for.
/// </summary>
public sealed class FeatureStoreReader(IArtifactStore artifacts)
{
    private const string DataPrefix = "features/hourly_features.parquet/";

    /// <summary>
    /// The rows of operating days <paramref name="from"/>..<paramref name="to"/>: by default only those with a known
    /// DART (for training); with <paramref name="withTargetOnly"/> false every row, the target NaN where unknown
    /// (for forecasting), optionally of one settlement point.
    /// </summary>
    public Task<(DartDataset Data, string SchemaHash)> LoadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        LoadAsync(from, to, withTargetOnly: true, settlementPoint: null, cancellationToken);

    public async Task<(DartDataset Data, string SchemaHash)> LoadAsync(
        DateOnly from, DateOnly to, bool withTargetOnly, string? settlementPoint, CancellationToken cancellationToken = default)
    {
        var schema = FeatureSchema.Current;
        await using (var stream = await artifacts.TryOpenReadAsync(ArtifactPaths.FeatureSchema, cancellationToken)
            ?? throw new TrainingDataException($"No features to train on: {ArtifactPaths.FeatureSchema} is not in the artifact store; build features first."))
        {
            var (_, storedHash) = FeatureSchema.FromJson(await new StreamReader(stream).ReadToEndAsync(cancellationToken));
            if (storedHash != schema.Hash)
            {
                throw new TrainingDataException(
                    $"Feature schema mismatch: the feature store was built with schema {storedHash}, this trainer expects {schema.Hash}. Rebuild the features.");
            }
        }

        var folder = Path.Combine(Path.GetTempPath(), "ercot-training", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var files = new List<string>();
            for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
            {
                await foreach (var info in artifacts.ListAsync($"{DataPrefix}delivery_month={month:yyyy-MM}/", cancellationToken))
                {
                    var local = Path.Combine(folder, $"{month:yyyy-MM}-{Path.GetFileName(info.Path)}");
                    await using (var source = (await artifacts.TryOpenReadAsync(info.Path, cancellationToken))!)
                    await using (var target = File.Create(local))
                    {
                        await source.CopyToAsync(target, cancellationToken);
                    }
                    files.Add(local);
                }
            }
            if (files.Count == 0)
            {
                throw new TrainingDataException($"No feature rows for {from:yyyy-MM-dd}..{to:yyyy-MM-dd}: no month of that range has been built.");
            }
            return (await ReadAsync(files, from, to, schema, withTargetOnly, settlementPoint, cancellationToken), schema.Hash);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<DartDataset> ReadAsync(
        List<string> files, DateOnly from, DateOnly to, FeatureSchema schema, bool withTargetOnly, string? settlementPoint, CancellationToken cancellationToken)
    {
        var names = schema.Features.Select(feature => feature.Name).ToList();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var list = string.Join(", ", files.Select(file => $"'{file.Replace("'", "''", StringComparison.Ordinal)}'"));
        command.CommandText =
            $"SELECT settlement_point, delivery_hour_utc, hour_ending, delivery_date, dart, {string.Join(", ", names.Select(name => $"\"{name}\""))} " +
            $"FROM read_parquet([{list}]) WHERE delivery_date BETWEEN DATE '{from:yyyy-MM-dd}' AND DATE '{to:yyyy-MM-dd}' " +
            (withTargetOnly ? "AND dart IS NOT NULL " : "") +
            (settlementPoint is null ? "" : $"AND settlement_point = '{settlementPoint.Replace("'", "''", StringComparison.Ordinal)}' ") +
            "ORDER BY delivery_hour_utc, settlement_point";
        var features = new List<float>();
        List<float> target = [];
        List<string> points = [];
        List<DateTime> hours = [];
        List<int> hourEndings = [];
        List<DateOnly> days = [];
        List<double?> weekAgo = [];
        var weekAgoColumn = 5 + names.IndexOf("dart_d7");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var dart = reader.IsDBNull(4) ? double.NaN : reader.GetDouble(4);
            var point = reader.GetString(0);
            var hour = reader.GetDateTime(1);
            if (withTargetOnly && !double.IsFinite(dart))
            {
                throw new TrainingDataException($"The target of {point} at {hour:u} is {dart}; DART must be a finite number.");
            }
            points.Add(point);
            hours.Add(DateTime.SpecifyKind(hour, DateTimeKind.Utc));
            hourEndings.Add(Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture));
            days.Add(reader.GetFieldValue<DateOnly>(3));
            target.Add((float)dart);
            weekAgo.Add(reader.IsDBNull(weekAgoColumn) ? null : reader.GetDouble(weekAgoColumn));
            for (var f = 0; f < names.Count; f++)
            {
                features.Add(reader.IsDBNull(5 + f) ? float.NaN : (float)reader.GetDouble(5 + f));
            }
        }
        return new DartDataset(names, [.. features], [.. target], [.. points], [.. hours], [.. hourEndings], [.. days], [.. weekAgo]);
    }
}

/// <summary>Training data that cannot be trained on; the message says what is wrong and what to do.</summary>
public sealed class TrainingDataException(string message) : Exception(message);

using DuckDB.NET.Data;
using Ercot.Core.Sources;
using Ercot.Core.Storage;
using Ercot.Features.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ercot.Tests.Features;

/// <summary>Builds features into a local artifact folder and reads rows back from the Parquet partitions.</summary>
internal static class FeatureFiles
{
    public static Task<FeatureBuildReport> BuildAsync(IErcotStore store, string artifactFolder, DateOnly from, DateOnly to) =>
        new FeatureBuilder(store, new LocalArtifactStore(artifactFolder), TimeProvider.System, NullLogger<FeatureBuilder>.Instance)
            .BuildAsync(new FeatureBuildRequest(from, to));

    /// <summary>Rows of the feature file (all months) matching <paramref name="where"/>, ordered by point and hour.</summary>
    public static async Task<List<Dictionary<string, object?>>> ReadAsync(string artifactFolder, string where = "true", string columns = "*")
    {
        var files = Path.Combine(artifactFolder, "features", "hourly_features.parquet", "*", "*.parquet").Replace("'", "''", StringComparison.Ordinal);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {columns} FROM read_parquet('{files}', hive_partitioning = false) WHERE {where} ORDER BY settlement_point, delivery_hour_utc";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(reader.FieldCount);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }
}

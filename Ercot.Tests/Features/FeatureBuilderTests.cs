using System.Text.Json;
using DuckDB.NET.Data;
using Ercot.Core.Schema.Features;
using Ercot.Core.Storage;
using Ercot.Core.Time;
using Ercot.Features.Pipeline;
using Ercot.Tests.Core.Simulation;
using Ercot.Tests.Infrastructure;

namespace Ercot.Tests.Features;

public sealed class FeatureBuilderTests : IClassFixture<FeatureBuilderTests.SimulatedSpringAndFall>, IDisposable
{
    private readonly SimulatedSpringAndFall _simulation;
    private readonly TemporaryFolder _artifacts = new();

    public FeatureBuilderTests(SimulatedSpringAndFall simulation) => _simulation = simulation;

    [Fact]
    public async Task DstDays_Give23And25RowsPerPoint_WithDistinctUtcHours()
    {
        await FeatureFiles.BuildAsync(_simulation.Store.Store, _artifacts.Path, new(2024, 3, 1), new(2024, 3, 31));
        await FeatureFiles.BuildAsync(_simulation.Store.Store, _artifacts.Path, new(2024, 11, 1), new(2024, 11, 30));

        var rows = await FeatureFiles.ReadAsync(_artifacts.Path, "delivery_date IN (DATE '2024-03-10', DATE '2024-11-03', DATE '2024-11-04')",
            "settlement_point, delivery_date, delivery_hour_utc, hour_ending, dst_flag");

        foreach (var group in rows.GroupBy(row => ((string)row["settlement_point"]!, (DateOnly)row["delivery_date"]!)))
        {
            var expected = ErcotTime.HoursInDay(group.Key.Item2);
            Assert.Equal(expected, group.Count());
            Assert.Equal(expected, group.Select(row => row["delivery_hour_utc"]).Distinct().Count());
            Assert.Equal(group.Key.Item2 == new DateOnly(2024, 11, 3) ? 1 : 0, group.Count(row => (bool)row["dst_flag"]!));
        }
        Assert.Equal(2 * 3, rows.GroupBy(row => (row["settlement_point"], row["delivery_date"])).Count());
    }

    [Fact]
    public async Task FeatureFile_HasTheSchemasColumnsInOrder_AndItsHashInTheParquetMetadata()
    {
        await FeatureFiles.BuildAsync(_simulation.Store.Store, _artifacts.Path, new(2024, 3, 5), new(2024, 3, 6));
        var (schema, hash) = FeatureSchema.FromJson(await File.ReadAllTextAsync(Path.Combine(_artifacts.Path, "features", "schema.json")));
        var file = Directory.GetFiles(Path.Combine(_artifacts.Path, "features", "hourly_features.parquet", "delivery_month=2024-03"), "*.parquet").Single();

        using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        var columns = await QueryAsync(connection, $"SELECT name FROM parquet_schema('{file}') WHERE name <> 'duckdb_schema'");
        var metadata = await QueryAsync(connection, $"SELECT decode(value) FROM parquet_kv_metadata('{file}') WHERE decode(key) = 'schema_hash'");

        Assert.Equal(FeatureSchema.Current.Hash, hash);
        Assert.Equal([.. schema.Keys.Select(k => k.Name).Take(6), "rt_source", "dart", .. schema.Features.Select(f => f.Name)], columns);
        Assert.Equal([hash], metadata);
        Assert.True(schema.Features.Count >= 50, $"{schema.Features.Count} features");
        Assert.All(schema.Features, feature =>
        {
            Assert.False(string.IsNullOrWhiteSpace(feature.Availability));
            Assert.False(string.IsNullOrWhiteSpace(feature.Description));
            Assert.DoesNotMatch("^(dam|rt|dart)$", feature.Name);
        });
    }

    [Fact]
    public async Task Rebuilding_GivesTheSameFiles_AndTouchesOnlyItsMonths()
    {
        await FeatureFiles.BuildAsync(_simulation.Store.Store, _artifacts.Path, new(2024, 3, 1), new(2024, 3, 31));
        var march = Path.Combine(_artifacts.Path, "features", "hourly_features.parquet", "delivery_month=2024-03");
        var first = Snapshot(march);
        await File.WriteAllTextAsync(Path.Combine(march, "stale.parquet"), "left over by an older build");

        var report = await FeatureFiles.BuildAsync(_simulation.Store.Store, _artifacts.Path, new(2024, 3, 20), new(2024, 3, 31));
        await FeatureFiles.BuildAsync(_simulation.Store.Store, _artifacts.Path, new(2024, 11, 1), new(2024, 11, 5));

        Assert.Equal(["2024-03"], report.MonthsWritten);
        Assert.Equal(first, Snapshot(march));
        Assert.True(Directory.Exists(Path.Combine(_artifacts.Path, "features", "hourly_features.parquet", "delivery_month=2024-11")));
        Assert.Equal(0, report.MissingTargetHoursPerPoint.Values.Sum());
        // Only HE 03 of the day after the spring-forward day lacks a D−1 value at its hour.
        Assert.InRange(report.NullSharePerFeature["dam_d1"], 0, 0.005);
    }

    [Fact]
    public async Task ABadRange_IsRefused_SayingWhy()
    {
        var builder = new FeatureBuilder(_simulation.Store.Store, new LocalArtifactStore(_artifacts.Path), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<FeatureBuilder>.Instance);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => builder.BuildAsync(new FeatureBuildRequest(new(2024, 3, 5), new(2024, 3, 1))));

        Assert.Contains("'to' (2024-03-01) is before 'from' (2024-03-05)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARangeReachingMonthsTheStoreDoesNotHold_FailsNamingThem_AndWritesNothing()
    {
        var builder = new FeatureBuilder(_simulation.Store.Store, new LocalArtifactStore(_artifacts.Path), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<FeatureBuilder>.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => builder.BuildAsync(new FeatureBuildRequest(new(2023, 10, 1), new(2024, 3, 31))));

        Assert.Contains("No target in 3 month(s) of 2023-10-01..2024-03-31 (2023-10, 2023-11, 2023-12)", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_artifacts.Path, "features")), "nothing is published by a refused build");
    }

    private static Dictionary<string, string> Snapshot(string folder) => Directory.GetFiles(folder).ToDictionary(
        file => Path.GetFileName(file), file => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file))));

    private static async Task<List<string>> QueryAsync(DuckDBConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    public void Dispose() => _artifacts.Dispose();

    /// <summary>February–November 2024 for two points: both DST transitions with their look-back.</summary>
    public sealed class SimulatedSpringAndFall : IAsyncLifetime
    {
        public SimulatedStore Store { get; private set; } = null!;

        public async Task InitializeAsync() => Store = await SimulatedStore.CreateAsync(new(2024, 1, 20), new(2024, 11, 30), "2", seed: 13);

        public Task DisposeAsync()
        {
            Store.Dispose();
            return Task.CompletedTask;
        }
    }
}

using Ercot.Training.Runs;
using DuckDB.NET.Data;
using Ercot.Core.Import;
using Ercot.Core.Models;
using Ercot.Core.Sources;
using Ercot.Core.Storage;
using Ercot.Tests.Core.Simulation;
using Ercot.Tests.Features;
using Ercot.Tests.Infrastructure;
using Ercot.Models.Registry;
using Ercot.Models;

namespace Ercot.Tests.Training;

public sealed class TrainingRunnerTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    private TrainingRunner Runner() =>
        new(new FeatureStoreReader(new LocalArtifactStore(_folder.Path)), new ModelRegistry(new LocalArtifactStore(_folder.Path)), TimeProvider.System);

    private async Task BuildSimulatedFeaturesAsync(DateOnly from, DateOnly to)
    {
        using var simulation = await SimulatedStore.CreateAsync(from.AddDays(-40), to, "2", seed: 31);
        await FeatureFiles.BuildAsync(simulation.Store, _folder.Path, from, to);
    }

    [SkippableFact]
    public async Task RealSample_TrainsEveryModel_AndComputesEveryMetricForEveryHub()
    {
        Skip.IfNot(SharedData.IsPresent, SharedData.SkipReason);
        Skip.IfNot(System.Runtime.InteropServices.NativeLibrary.TryLoad("libxgboost.so.0", out _), "libxgboost.so.0 is not installed; ./test.sh installs it.");
        var store = new DuckDbErcotStore(Path.Combine(_folder.Path, "real.duckdb"));
        await store.InitializeAsync();
        await new ErcotImporter(store).ImportAsync(
        [
            .. Directory.GetFiles(SharedData.PathOf("np4-190-cd_dam_spp"), "da_lmp_HB_*.csv"),
            SharedData.PathOf("np6-788-cd_sced_lmp_5min"),
            SharedData.PathOf("np4-732-cd_wind_hourly/df_wind_2024_forecast.parquet"),
            SharedData.PathOf("np4-745-cd_solar_hourly/df_solar_2024_forecast.parquet"),
            .. Directory.GetFiles(SharedData.PathOf("np6-346-cd_load_by_forecast_zone"), "NP6-346-CD_2024*.csv"),
            SharedData.PathOf("np4-188-cd_dam_as_mcpc/DAMASMCPC_2024.csv"),
        ]);
        await FeatureFiles.BuildAsync(store, _folder.Path, new(2024, 1, 1), new(2024, 12, 31));

        var outcome = await Runner().RunAsync(new TrainingRequest(new(2024, 1, 1), new(2024, 12, 31), DartModels.Names, new(2024, 9, 1), new(2024, 10, 1)));

        Assert.Equal(DartModels.Names, outcome.Models.Select(model => model.Model));
        foreach (var model in outcome.Models)
        {
            Assert.Equal(["HB_HOUSTON", "HB_NORTH", "HB_PAN", "HB_SOUTH", "HB_WEST"], model.Test.PerSettlementPoint.Keys);
            Assert.Equal(24, model.Test.PerHourEnding.Count);
            foreach (var metrics in model.Test.PerSettlementPoint.Values.Append(model.Test.Overall))
            {
                Assert.All(new[] { metrics.Mae, metrics.Rmse, metrics.R2, metrics.SignAccuracy, metrics.RelativeMaeVsZero, metrics.DieboldMarianoPValue }, value => Assert.True(double.IsFinite(value)));
                Assert.NotNull(metrics.RelativeMaeVsWeekAgo);
                // Little skill is the honest expectation; far better than zero would be a leakage alarm.
                Assert.InRange(metrics.RelativeMaeVsZero, 0.8, 1.3);
            }
        }
        Assert.True(double.IsFinite(outcome.EnsembleTest.Overall.Mae));
    }

    [Fact]
    public async Task ASecondIdenticalRun_DoesNotDethroneTheChampion_ScoredOnTheSameRows()
    {
        await BuildSimulatedFeaturesAsync(new(2024, 5, 1), new(2024, 7, 31));
        var request = new TrainingRequest(new(2024, 5, 1), new(2024, 7, 31), [LightGbmDartModel.ModelName], new(2024, 7, 1), new(2024, 7, 17));

        var first = await Runner().RunAsync(request);
        var second = await Runner().RunAsync(request);

        var registry = new ModelRegistry(new LocalArtifactStore(_folder.Path));
        var champion = (await registry.ReadChampionsAsync()).Models.GetValueOrDefault(LightGbmDartModel.ModelName);
        Assert.Equal(ModelRole.Challenger, second.Models[0].Role);
        Assert.Contains(first.Models[0].Role == ModelRole.Champion ? "below the champion's" : "does not beat the zero forecast", second.Models[0].RoleReason, StringComparison.Ordinal);
        Assert.Equal(first.Models[0].Role == ModelRole.Champion ? first.Models[0].Version : null, champion?.Version);
        if (first.Models[0].Role == ModelRole.Champion)
        {
            // Compared on the test block only: the champion was refitted through the validation block, so those rows are in its sample.
            Assert.Contains("after 2024-07-15, after both fits", second.Models[0].RoleReason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NoFeatures_FewRows_AndABadSplit_AreClearErrors()
    {
        var missing = await Assert.ThrowsAsync<TrainingDataException>(() => Runner().RunAsync(new TrainingRequest(new(2024, 1, 1), new(2024, 3, 31), DartModels.Names)));
        Assert.Contains("build features first", missing.Message, StringComparison.Ordinal);

        await BuildSimulatedFeaturesAsync(new(2024, 6, 1), new(2024, 6, 30));
        var few = await Assert.ThrowsAsync<TrainingDataException>(() => Runner().RunAsync(new TrainingRequest(new(2024, 6, 1), new(2024, 6, 30), DartModels.Names, new(2024, 6, 10), new(2024, 6, 20))));
        Assert.Contains("Too few rows", few.Message, StringComparison.Ordinal);

        var split = Assert.Throws<TrainingDataException>(() => TrainingSplit.Of(new(2024, 6, 1), new(2024, 6, 30), new(2024, 6, 20), new(2024, 6, 10)));
        Assert.Contains("empty", split.Message, StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<TrainingDataException>(() => Runner().RunAsync(new TrainingRequest(new(2024, 6, 1), new(2024, 6, 30), ["randomforest"])));
        Assert.Contains("Unknown model 'randomforest'", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFeatureStoreOfAnotherSchema_OrANonFiniteTarget_IsRefused()
    {
        await BuildSimulatedFeaturesAsync(new(2024, 6, 1), new(2024, 6, 30));
        var schemaPath = Path.Combine(_folder.Path, "features", "schema.json");
        var schema = await File.ReadAllTextAsync(schemaPath);
        var file = Directory.GetFiles(Path.Combine(_folder.Path, "features", "hourly_features.parquet", "delivery_month=2024-06"), "*.parquet").Single();
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                CREATE TABLE f AS SELECT * FROM read_parquet('{file}');
                UPDATE f SET dart = 'Infinity'::DOUBLE WHERE settlement_point = 'HB_HOUSTON' AND delivery_hour_utc = TIMESTAMP '2024-06-15 12:00:00';
                COPY f TO '{file}' (FORMAT parquet);
                """;
            await command.ExecuteNonQueryAsync();
        }
        var reader = new FeatureStoreReader(new LocalArtifactStore(_folder.Path));

        var infinite = await Assert.ThrowsAsync<TrainingDataException>(() => reader.LoadAsync(new(2024, 6, 1), new(2024, 6, 30)));
        await File.WriteAllTextAsync(schemaPath, schema.Replace("\"hash\": \"", "\"hash\": \"0", StringComparison.Ordinal));
        var mismatch = await Assert.ThrowsAsync<TrainingDataException>(() => reader.LoadAsync(new(2024, 6, 1), new(2024, 6, 30)));

        Assert.Contains("HB_HOUSTON at 2024-06-15 12:00:00Z", infinite.Message, StringComparison.Ordinal);
        Assert.Contains("Feature schema mismatch", mismatch.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, 2, new[] { 1, 1 })]
    [InlineData(16, 3, new[] { 6, 5, 5 })]
    [InlineData(1, 3, new[] { 1, 1, 1 })]
    public void ThreadBudgets_ShareTheCores(int cores, int models, int[] expected) => Assert.Equal(expected, DartModels.Threads(cores, models));

    public void Dispose() => _folder.Dispose();
}

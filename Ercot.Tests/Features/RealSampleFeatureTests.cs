using Ercot.Core.Import;
using Ercot.Core.Sources;
using Ercot.Core.Storage;
using Ercot.Features.Pipeline;
using Ercot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ercot.Tests.Features;

/// <summary>Feature builds over the real sample: which points get rows, and where their target comes from.</summary>
public sealed class RealSampleFeatureTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [SkippableFact]
    public async Task AMonthWithTheOneDayAllPointsDamFile_BuildsOnlyThePointsWithATarget_FromHourlySettlementPrices()
    {
        Skip.IfNot(SharedData.IsPresent, SharedData.SkipReason);
        var store = await ImportAsync(
            "np6-905-cd_rtm_spp/dam_rtm_hourly_2024_2026_15sp.csv", "np4-190-cd_dam_spp/NP4-190-CD_dam_spp_all_points_2025-04-11.csv");

        var report = await BuildAsync(store, new FeatureBuildRequest(new(2025, 4, 1), new(2025, 4, 30)));

        Assert.Equal(15, report.Points); // not the ~988 points of the one-day DAM file
        Assert.Equal(15 * 30 * 24, report.RowsWritten);
        Assert.Equal(["spp_hourly"], report.TargetSources.Keys.Where(source => source != "none"));
        Assert.True(report.TargetSources["spp_hourly"] > 15 * 29 * 24, $"{report.TargetSources["spp_hourly"]} hourly targets");
    }

    [SkippableFact]
    public async Task RequestedPoints_NarrowTheBuild_AndAPointWithoutATarget_IsRefusedByName()
    {
        Skip.IfNot(SharedData.IsPresent, SharedData.SkipReason);
        var store = await ImportAsync(
            "np6-905-cd_rtm_spp/dam_rtm_hourly_2024_2026_15sp.csv", "np4-190-cd_dam_spp/NP4-190-CD_dam_spp_all_points_2025-04-11.csv");

        var narrowed = await BuildAsync(store, new FeatureBuildRequest(new(2025, 4, 1), new(2025, 4, 30), ["HB_NORTH", "LZ_WEST"]));
        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            BuildAsync(store, new FeatureBuildRequest(new(2025, 4, 1), new(2025, 4, 30), ["HB_NORTH", "AEEC"])));

        Assert.Equal(2, narrowed.Points);
        Assert.Contains("AEEC", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("HB_NORTH", refused.Message, StringComparison.Ordinal);
    }

    private async Task<IErcotStore> ImportAsync(params string[] files)
    {
        var store = new DuckDbErcotStore(Path.Combine(_folder.Path, "store.duckdb"));
        if (!File.Exists(store.DatabasePath))
        {
            await store.InitializeAsync();
            var report = await new ErcotImporter(store).ImportAsync(files.Select(SharedData.PathOf));
            Assert.All(report.Files, file => Assert.Equal(FileImportStatus.Imported, file.Status));
        }
        return store;
    }

    private Task<FeatureBuildReport> BuildAsync(IErcotStore store, FeatureBuildRequest request) =>
        new FeatureBuilder(store, new LocalArtifactStore(Path.Combine(_folder.Path, "artifacts")), TimeProvider.System, NullLogger<FeatureBuilder>.Instance)
            .BuildAsync(request);

    public void Dispose() => _folder.Dispose();
}

using Ercot.Core.Storage;
using Ercot.Features.Pipeline;
using Ercot.Tests.Infrastructure;
using Ercot.Tests.Training;
using Ercot.Training.Runs;

namespace Ercot.Tests.Features;

/// <summary>What the retrain job builds before it trains, and what a run says about a window with holes.</summary>
public sealed class FeatureCoverageTests
{
    [Fact]
    public async Task MissingAndStaleMonths_AreBuilt_AsRangesInsideTheWindow()
    {
        using var folder = new TemporaryFolder();
        var artifacts = new LocalArtifactStore(folder.Path);
        // January built long after it ended; February built on its 20th (stale); March missing; April built after it ended.
        await PartitionAsync(folder.Path, "2024-01", new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        await PartitionAsync(folder.Path, "2024-02", new DateTime(2024, 2, 20, 0, 0, 0, DateTimeKind.Utc));
        await PartitionAsync(folder.Path, "2024-04", new DateTime(2024, 5, 3, 0, 0, 0, DateTimeKind.Utc));

        var ranges = await FeatureCoverage.RangesToBuildAsync(artifacts, new(2024, 1, 15), new(2024, 6, 10));

        Assert.Equal([(new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 31)), (new DateOnly(2024, 5, 1), new DateOnly(2024, 6, 10))], ranges);
    }

    [Fact]
    public async Task AMonthBuiltBeforeItsLastPricesWerePublished_IsStale_UntilRebuiltAfter()
    {
        using var folder = new TemporaryFolder();
        var artifacts = new LocalArtifactStore(folder.Path);
        await PartitionAsync(folder.Path, "2024-01", new DateTime(2024, 2, 1, 12, 0, 0, DateTimeKind.Utc));

        var before = await FeatureCoverage.RangesToBuildAsync(artifacts, new(2024, 1, 1), new(2024, 1, 31));
        await PartitionAsync(folder.Path, "2024-01", new DateTime(2024, 2, 3, 0, 0, 0, DateTimeKind.Utc));
        var after = await FeatureCoverage.RangesToBuildAsync(artifacts, new(2024, 1, 1), new(2024, 1, 31));

        Assert.Equal([(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31))], before);
        Assert.Empty(after);
    }

    [Fact]
    public void ARunsWindow_NamesTheMonthsWithoutRows()
    {
        var data = SyntheticDart.Create(48 * 40, 1, new(2024, 1, 1)); // two points, 2024-01-01 .. 2024-02-09

        Assert.Equal(["2024-03", "2024-04"], TrainingRunner.UncoveredMonths(data, new(2024, 1, 1), new(2024, 4, 30)));
        Assert.Empty(TrainingRunner.UncoveredMonths(data, new(2024, 1, 10), new(2024, 2, 5)));
    }

    private static async Task PartitionAsync(string root, string month, DateTime writtenUtc)
    {
        var file = Path.Combine(root, FeatureBuilder.DataPrefix, $"delivery_month={month}", "data_0.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, [1, 2, 3]);
        File.SetLastWriteTimeUtc(file, writtenUtc);
    }
}

using Ercot.Core.Storage;

namespace Ercot.Features.Pipeline;

/// <summary>
/// Which months of a window the feature store lacks or holds only in part: a month with no partition is missing; one
/// last written before its final day's real-time prices could have been published (two days after the month ends)
/// is stale. The retrain job builds these before it trains, so a model never learns from a window with holes in it.
/// </summary>
public static class FeatureCoverage
{
    /// <summary>Days after a month ends by which its last real-time prices are published and built.</summary>
    public const int SettleDays = 2;

    /// <summary>The missing or stale months of <paramref name="from"/>..<paramref name="to"/>, merged into ranges of days inside it.</summary>
    public static async Task<IReadOnlyList<(DateOnly From, DateOnly To)>> RangesToBuildAsync(
        IArtifactStore artifacts, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var ranges = new List<(DateOnly From, DateOnly To)>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            DateTimeOffset? written = null;
            await foreach (var file in artifacts.ListAsync($"{FeatureBuilder.DataPrefix}delivery_month={month:yyyy-MM}/", cancellationToken))
            {
                written = written is { } latest && latest > file.LastModified ? latest : file.LastModified;
            }
            var settled = new DateTimeOffset(month.AddMonths(1).AddDays(SettleDays).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (written is { } built && built >= settled)
            {
                continue;
            }
            var start = month < from ? from : month;
            var end = month.AddMonths(1).AddDays(-1) is var last && last > to ? to : last;
            if (ranges.Count > 0 && ranges[^1].To.AddDays(1) == start)
            {
                ranges[^1] = (ranges[^1].From, end);
            }
            else
            {
                ranges.Add((start, end));
            }
        }
        return ranges;
    }
}

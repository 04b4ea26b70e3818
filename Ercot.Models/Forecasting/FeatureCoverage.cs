using Ercot.Core.Schema.Features;

namespace Ercot.Models.Forecasting;

/// <summary>
/// How much of each feature a block of rows actually has. A model trained on a feed that is absent when
/// it predicts (wind forecasts end with the sample, AS prices stop, a feed goes down) sends every row down
/// its trees' missing-value branches; such features are dropped on purpose instead, and said so.
/// </summary>
public static class FeatureCoverage
{
    /// <summary>Below this share of known values in the rows a model will predict, a feature counts as absent.</summary>
    public const double MinimumCoverage = 0.5;

    private static readonly Dictionary<string, string> Groups =
        FeatureCatalog.All.ToDictionary(feature => feature.Name, feature => feature.Group, StringComparer.Ordinal);

    /// <summary>Each feature's share of known values in rows <paramref name="from"/>..end of <paramref name="rows"/>.</summary>
    public static double[] OfFeatures(DartDataset rows, int from = 0)
    {
        var known = new long[rows.FeatureCount];
        for (var i = from; i < rows.Count; i++)
        {
            var row = rows.Row(i);
            for (var f = 0; f < known.Length; f++)
            {
                known[f] += float.IsNaN(row[f]) ? 0 : 1;
            }
        }
        var count = Math.Max(1, rows.Count - from);
        return [.. known.Select(k => (double)k / count)];
    }

    /// <summary>Coverage by feature group (forecast, load, dam, ancillary…): the mean over the group's features.</summary>
    public static Dictionary<string, double> ByGroup(IReadOnlyList<string> featureNames, double[] coverage) =>
        featureNames.Select((name, f) => (Group: Groups.GetValueOrDefault(name, "other"), Coverage: coverage[f]))
            .GroupBy(pair => pair.Group)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => Math.Round(group.Average(pair => pair.Coverage), 4), StringComparer.Ordinal);

    /// <summary>The features whose coverage is below <see cref="MinimumCoverage"/>.</summary>
    public static IReadOnlyList<string> Absent(IReadOnlyList<string> featureNames, double[] coverage) =>
        [.. featureNames.Where((_, f) => coverage[f] < MinimumCoverage)];
}

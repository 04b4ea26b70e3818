namespace Ercot.Models;

/// <summary>
/// Feature rows in memory, in time order: a row-major float matrix (NaN where a feature is unknown),
/// the DART target, and for each row its point, hour and the DART of the same hour a week earlier.
/// </summary>
public sealed class DartDataset
{
    public DartDataset(IReadOnlyList<string> featureNames, float[] features, float[] target, string[] points, DateTime[] hoursUtc, int[] hourEndings, DateOnly[] days, double?[] weekAgo)
    {
        var count = target.Length;
        if (features.Length != count * featureNames.Count || points.Length != count || hoursUtc.Length != count || hourEndings.Length != count || days.Length != count || weekAgo.Length != count)
        {
            throw new ArgumentException("The dataset's columns have different lengths.");
        }
        FeatureNames = featureNames;
        Features = features;
        Target = target;
        Points = points;
        HoursUtc = hoursUtc;
        HourEndings = hourEndings;
        Days = days;
        WeekAgo = weekAgo;
    }

    public IReadOnlyList<string> FeatureNames { get; }

    public int Count => Target.Length;

    public int FeatureCount => FeatureNames.Count;

    /// <summary>Row-major: row <c>i</c> is <c>Features[i * FeatureCount .. (i + 1) * FeatureCount]</c>.</summary>
    public float[] Features { get; }

    public float[] Target { get; }

    public string[] Points { get; }

    public DateTime[] HoursUtc { get; }

    public int[] HourEndings { get; }

    public DateOnly[] Days { get; }

    public double?[] WeekAgo { get; }

    public ReadOnlySpan<float> Row(int i) => Features.AsSpan(i * FeatureCount, FeatureCount);

    /// <summary>The rows whose operating day lies in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public DartDataset Between(DateOnly from, DateOnly to) =>
        Rows([.. Enumerable.Range(0, Count).Where(i => Days[i] >= from && Days[i] <= to)]);

    /// <summary>The chosen rows, in the order given.</summary>
    public DartDataset Rows(int[] chosen)
    {
        var features = new float[chosen.Length * FeatureCount];
        for (var k = 0; k < chosen.Length; k++)
        {
            Row(chosen[k]).CopyTo(features.AsSpan(k * FeatureCount, FeatureCount));
        }
        return new DartDataset(FeatureNames, features,
            [.. chosen.Select(i => Target[i])], [.. chosen.Select(i => Points[i])], [.. chosen.Select(i => HoursUtc[i])],
            [.. chosen.Select(i => HourEndings[i])], [.. chosen.Select(i => Days[i])], [.. chosen.Select(i => WeekAgo[i])]);
    }

    /// <summary>These rows followed by <paramref name="later"/>'s (same features).</summary>
    public DartDataset Concat(DartDataset later) => new(FeatureNames, [.. Features, .. later.Features], [.. Target, .. later.Target],
        [.. Points, .. later.Points], [.. HoursUtc, .. later.HoursUtc], [.. HourEndings, .. later.HourEndings], [.. Days, .. later.Days], [.. WeekAgo, .. later.WeekAgo]);

    /// <summary>The same rows with other features and target.</summary>
    public DartDataset With(IReadOnlyList<string> featureNames, float[] features, float[] target) =>
        new(featureNames, features, target, Points, HoursUtc, HourEndings, Days, WeekAgo);
}

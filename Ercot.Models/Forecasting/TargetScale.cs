namespace Ercot.Models.Forecasting;

/// <summary>
/// The target's anchor and scale, fitted on a training block. The level is every point's median DART by hour
/// ending (the per-point-and-hour constant; the all-points median by hour for an unknown point); a row's
/// anchor moves from that level towards the row's recent median (<see cref="RecentFeature"/>, the 28 days
/// before D−1 at this point and hour) by <see cref="RecentWeight"/>, the share that minimises the training
/// block's absolute error: DART's typical level drifts with the season and the grid, and a long-run median
/// alone misses it. One robust scale (1.4826 × the MAD of the residuals from the anchor), and the range of
/// the transformed target. Models learn z = asinh((y − anchor) / scale), a variance-stabilising transform
/// (Uniejewski, Weron &amp; Ziel 2018) under which a spike of −1,500 $/MWh weighs like a few ordinary hours
/// rather than thousands. Predictions are clamped to the training range of z before inverting, so the
/// inverse can never explode.
/// </summary>
public sealed record TargetScale(
    IReadOnlyList<string> Points, IReadOnlyDictionary<string, double[]> Levels, double[] AllPoints, double Scale, double Low, double High, double RecentWeight = 0)
{
    /// <summary>The feature that carries a row's recent median DART, known at the gate.</summary>
    public const string RecentFeature = "dart_28d_median";

    /// <summary>The weights tried for the recent median, in steps of 0.05.</summary>
    private static readonly double[] RecentWeights = [.. Enumerable.Range(0, 21).Select(step => step / 20.0)];

    public const int Hours = 24;

    /// <summary>Smallest scale, in $/MWh: a flat training block must not divide by zero.</summary>
    public const double MinimumScale = 0.5;

    /// <summary>The share of training z left outside the clamp at each end.</summary>
    public const double ClampTail = 0.0005;

    /// <param name="recent">Each training row's recent median (NaN where unknown), or none: the anchor is then the level.</param>
    public static TargetScale Fit(DartDataset train, float[]? recent = null)
    {
        var byCell = new Dictionary<(string Point, int Hour), List<double>>();
        var byHour = Enumerable.Range(0, Hours).Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < train.Count; i++)
        {
            var hour = HourIndex(train.HourEndings[i]);
            var key = (train.Points[i], hour);
            if (!byCell.TryGetValue(key, out var cell))
            {
                byCell[key] = cell = [];
            }
            cell.Add(train.Target[i]);
            byHour[hour].Add(train.Target[i]);
        }
        var allPoints = byHour.Select(values => values.Count > 0 ? Median(values) : 0).ToArray();
        var points = train.Points.Distinct().ToList();
        var levels = points.ToDictionary(point => point, point => Enumerable.Range(0, Hours)
            .Select(hour => byCell.TryGetValue((point, hour), out var cell) ? Median(cell) : allPoints[hour]).ToArray(), StringComparer.Ordinal);
        // Points in the order of their typical level: as a numeric code, neighbours behave alike and trees split it well.
        var ordered = points.OrderBy(point => Median([.. levels[point]])).ThenBy(point => point, StringComparer.Ordinal).ToList();

        var level = Enumerable.Range(0, train.Count).Select(i => levels[train.Points[i]][HourIndex(train.HourEndings[i])]).ToArray();
        var weight = recent is null ? 0 : RecentWeights.MinBy(w => Enumerable.Range(0, train.Count)
            .Sum(i => Math.Abs(train.Target[i] - Anchor(level[i], recent[i], w))));
        var residuals = Enumerable.Range(0, train.Count).Select(i => train.Target[i] - Anchor(level[i], recent?[i] ?? float.NaN, weight)).ToList();
        var center = Median(residuals);
        var scale = Math.Max(MinimumScale, 1.4826 * Median([.. residuals.Select(r => Math.Abs(r - center))]));
        var z = residuals.Select(r => Math.Asinh(r / scale)).Order().ToArray();
        return new TargetScale(ordered, levels, allPoints, scale, Quantile(z, ClampTail), Quantile(z, 1 - ClampTail), weight);
    }

    /// <summary>The per-point-and-hour training median: the "constant" forecast.</summary>
    public double Level(string point, int hourEnding) =>
        Levels.TryGetValue(point, out var levels) ? levels[HourIndex(hourEnding)] : AllPoints[HourIndex(hourEnding)];

    /// <summary>The point's code (its rank by level), or NaN for a point the model never saw.</summary>
    public float Code(string point)
    {
        var index = Points is List<string> list ? list.IndexOf(point) : Points.ToList().IndexOf(point);
        return index < 0 ? float.NaN : index;
    }

    /// <summary>Where a row's forecast starts: the level, moved towards the recent median (NaN: unknown) by <see cref="RecentWeight"/>.</summary>
    public double Anchor(string point, int hourEnding, float recent) => Anchor(Level(point, hourEnding), recent, RecentWeight);

    public float Forward(double dart, string point, int hourEnding, float recent) => (float)Math.Asinh((dart - Anchor(point, hourEnding, recent)) / Scale);

    public double Inverse(double z, string point, int hourEnding, float recent) => Anchor(point, hourEnding, recent) + Scale * Math.Sinh(Math.Clamp(z, Low, High));

    private static double Anchor(double level, float recent, double weight) => float.IsFinite(recent) ? level + weight * (recent - level) : level;

    private static int HourIndex(int hourEnding) => Math.Clamp(hourEnding, 1, Hours) - 1;

    private static double Median(List<double> values)
    {
        values.Sort();
        var n = values.Count;
        return n == 0 ? 0 : n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static double Quantile(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[(int)Math.Clamp(Math.Round(q * (sorted.Length - 1)), 0, sorted.Length - 1)];
}

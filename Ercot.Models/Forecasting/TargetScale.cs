namespace Ercot.Models.Forecasting;

/// <summary>
/// The target's level and scale, fitted on a training block: every point's median DART by hour ending
/// (the per-point-and-hour constant; the all-points median by hour for an unknown point), one robust scale
/// (1.4826 × the MAD of the residuals from that level), and the range of the transformed target. Models
/// learn z = asinh((y − level) / scale), a variance-stabilising transform (Uniejewski, Weron &amp; Ziel 2018)
/// under which a spike of −1,500 $/MWh weighs like a few ordinary hours rather than thousands. Predictions
/// are clamped to the training range of z before inverting, so the inverse can never explode.
/// </summary>
public sealed record TargetScale(IReadOnlyList<string> Points, IReadOnlyDictionary<string, double[]> Levels, double[] AllPoints, double Scale, double Low, double High)
{
    public const int Hours = 24;

    /// <summary>Smallest scale, in $/MWh: a flat training block must not divide by zero.</summary>
    public const double MinimumScale = 0.5;

    /// <summary>The share of training z left outside the clamp at each end.</summary>
    public const double ClampTail = 0.0005;

    public static TargetScale Fit(DartDataset train)
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

        var residuals = Enumerable.Range(0, train.Count).Select(i => train.Target[i] - levels[train.Points[i]][HourIndex(train.HourEndings[i])]).ToList();
        var center = Median(residuals);
        var scale = Math.Max(MinimumScale, 1.4826 * Median([.. residuals.Select(r => Math.Abs(r - center))]));
        var z = residuals.Select(r => Math.Asinh(r / scale)).Order().ToArray();
        return new TargetScale(ordered, levels, allPoints, scale, Quantile(z, ClampTail), Quantile(z, 1 - ClampTail));
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

    public float Forward(double dart, string point, int hourEnding) => (float)Math.Asinh((dart - Level(point, hourEnding)) / Scale);

    public double Inverse(double z, string point, int hourEnding) => Level(point, hourEnding) + Scale * Math.Sinh(Math.Clamp(z, Low, High));

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

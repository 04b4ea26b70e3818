namespace Ercot.Models.Forecasting;

/// <summary>
/// An 80% interval around a point forecast by normalised split-conformal calibration: on out-of-sample rows
/// (a validation block the model did not train on), each residual is divided by the row's recent volatility —
/// <see cref="ScaleFeature"/>, the mean |DART| at the point and hour over D−8..D−2, at least
/// <see cref="MinimumScale"/>, raised to <see cref="Exponent"/> — and the 10% and 90% quantiles of those scores
/// are taken per hour ending. A row's interval is the forecast plus its own scale times its hour's quantiles: wide
/// after a volatile week, narrow after a calm one (Kath &amp; Ziel 2021 compare such calibrations for power prices).
/// The exponent (0 = plain residual quantiles, 1 = proportional to the volatility) is the one of
/// <see cref="Exponents"/> with the lowest mean <see cref="IntervalScore"/> on the calibration rows, where each
/// covers 80% per hour by construction: |DART| is heavy-tailed, and a scale proportional to it can make a volatile
/// week's intervals wider than its errors are; a volatility that says nothing of the errors is not used at all.
/// </summary>
public sealed record ConformalInterval(double[] Low, double[] High, double FallbackScale, double Exponent = 1)
{
    public const string ScaleFeature = "dart_7d_mean_abs";
    public const double MinimumScale = 1.0;
    public const double LowQuantile = 0.1;
    public const double HighQuantile = 0.9;
    private const int Hours = 24;

    /// <summary>The exponents of the scale tried when fitting.</summary>
    public static readonly IReadOnlyList<double> Exponents = [0, 0.25, 0.5, 0.75, 1];

    /// <param name="hourEndings">Each calibration row's hour ending.</param>
    /// <param name="scales">Each row's <see cref="ScaleFeature"/> (NaN where unknown).</param>
    public static ConformalInterval Fit(IReadOnlyList<double> actual, IReadOnlyList<double> forecast, IReadOnlyList<int> hourEndings, IReadOnlyList<float> scales)
    {
        var known = scales.Where(float.IsFinite).Select(value => Math.Max(MinimumScale, value)).Order().ToArray();
        var fallback = known.Length == 0 ? MinimumScale : known[known.Length / 2];
        ConformalInterval? best = null;
        var lowest = double.PositiveInfinity;
        foreach (var exponent in Exponents)
        {
            var candidate = Fit(actual, forecast, hourEndings, scales, fallback, exponent);
            var score = Enumerable.Range(0, actual.Count).Average(i =>
            {
                var (low, high) = candidate.Around(forecast[i], hourEndings[i], scales[i]);
                return IntervalScore(low, high, actual[i]);
            });
            if (score < lowest - 1e-9)
            {
                (best, lowest) = (candidate, score);
            }
        }
        return best ?? Fit(actual, forecast, hourEndings, scales, fallback, 0);
    }

    private static ConformalInterval Fit(IReadOnlyList<double> actual, IReadOnlyList<double> forecast, IReadOnlyList<int> hourEndings, IReadOnlyList<float> scales, double fallback, double exponent)
    {
        var shape = new ConformalInterval([], [], fallback, exponent);
        var byHour = Enumerable.Range(0, Hours).Select(_ => new List<double>()).ToArray();
        var all = new List<double>();
        for (var i = 0; i < actual.Count; i++)
        {
            var score = (actual[i] - forecast[i]) / shape.Scale(scales[i]);
            byHour[Hour(hourEndings[i])].Add(score);
            all.Add(score);
        }
        // An hour with too few rows borrows the pooled quantiles.
        double Q(List<double> scores, double q) => scores.Count >= 20 ? Quantile(scores, q) : Quantile(all, q);
        return shape with { Low = [.. byHour.Select(scores => Q(scores, LowQuantile))], High = [.. byHour.Select(scores => Q(scores, HighQuantile))] };
    }

    /// <summary>
    /// The interval score of an 80% interval (Gneiting &amp; Raftery 2007): its width plus 10 times each miss — lowest
    /// for intervals both narrow and right where they are narrow.
    /// </summary>
    public static double IntervalScore(double low, double high, double actual) =>
        high - low + 2 / (1 - (HighQuantile - LowQuantile)) * (Math.Max(0, low - actual) + Math.Max(0, actual - high));

    /// <summary>Each row's <see cref="ScaleFeature"/> (NaN where the feature is missing or absent from the schema).</summary>
    public static float[] Scales(DartDataset rows)
    {
        var feature = rows.FeatureNames.ToList().IndexOf(ScaleFeature);
        return [.. Enumerable.Range(0, rows.Count).Select(i => feature < 0 ? float.NaN : rows.Features[i * rows.FeatureCount + feature])];
    }

    public (double P10, double P90) Around(double forecast, int hourEnding, float scale)
    {
        var s = Scale(scale);
        return (forecast + s * Low[Hour(hourEnding)], forecast + s * High[Hour(hourEnding)]);
    }

    /// <summary>A row's scale: its volatility (the fallback where unknown), at least the minimum, to the exponent.</summary>
    private double Scale(float value) => Math.Pow(float.IsFinite(value) ? Math.Max(MinimumScale, value) : FallbackScale, Exponent);

    private static int Hour(int hourEnding) => Math.Clamp(hourEnding, 1, Hours) - 1;

    /// <summary>The empirical quantile with the split-conformal finite-sample correction (rank ⌈(n+1)q⌉ for the upper, ⌊(n+1)q⌋ for the lower).</summary>
    private static double Quantile(List<double> values, double q)
    {
        if (values.Count == 0)
        {
            return 0;
        }
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        var rank = q >= 0.5 ? (int)Math.Ceiling((n + 1) * q) : (int)Math.Floor((n + 1) * q);
        return sorted[Math.Clamp(rank - 1, 0, n - 1)];
    }
}

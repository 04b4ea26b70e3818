namespace Ercot.Core.Models;

/// <summary>
/// How one feature was distributed in a model's training rows: the inner edges of (up to) ten
/// quantile bins, the share of rows in each bin, and the share with no value. Drift monitoring
/// compares recent scored rows against it.
/// </summary>
public sealed record FeatureReference(double[] Edges, double[] Shares, double MissingShare)
{
    public const int Bins = 10;

    public static FeatureReference Of(IEnumerable<float> values)
    {
        var all = values.ToList();
        var finite = all.Where(float.IsFinite).Select(v => (double)v).Order().ToArray();
        if (finite.Length == 0)
        {
            return new FeatureReference([], [], all.Count == 0 ? 0 : 1);
        }
        var edges = Enumerable.Range(1, Bins - 1).Select(k => finite[(int)((long)k * (finite.Length - 1) / Bins)]).Distinct().ToArray();
        var reference = new FeatureReference(edges, new double[edges.Length + 1], 1 - (double)finite.Length / all.Count);
        return reference with { Shares = reference.SharesOf(all) };
    }

    /// <summary>The share of <paramref name="values"/> in each bin (of the finite ones).</summary>
    public double[] SharesOf(IReadOnlyCollection<float> values)
    {
        var counts = new double[Edges.Length + 1];
        var finite = 0;
        foreach (var value in values)
        {
            if (!float.IsFinite(value))
            {
                continue;
            }
            finite++;
            var bin = Array.BinarySearch(Edges, (double)value);
            counts[bin >= 0 ? bin + 1 : ~bin]++;
        }
        return finite == 0 ? counts : [.. counts.Select(count => count / finite)];
    }

    /// <summary>Population stability index of <paramref name="values"/> against this reference (0: same; above 0.2: drifted).</summary>
    public double Psi(IReadOnlyCollection<float> values)
    {
        const double floor = 1e-4;
        var actual = SharesOf(values);
        return Shares.Zip(actual, (expected, observed) =>
        {
            var e = Math.Max(expected, floor);
            var a = Math.Max(observed, floor);
            return (a - e) * Math.Log(a / e);
        }).Sum();
    }
}

namespace Ercot.Models.Forecasting;

/// <summary>
/// Ensemble weights chosen on validation: non-negative weights summing to one over the members and the
/// per-point constant, on a grid of <see cref="Step"/>, minimising validation MAE. Only members that beat the
/// constant on validation take part; when none does, the ensemble is the constant. Never an equal mean.
/// </summary>
public static class EnsembleWeights
{
    public const string Constant = "constant";
    public const double Step = 0.05;

    /// <param name="actual">Validation targets.</param>
    /// <param name="members">Each member's validation predictions, by name.</param>
    /// <param name="constant">The per-point-and-hour constant on the same rows.</param>
    public static Dictionary<string, double> Fit(IReadOnlyList<double> actual, IReadOnlyDictionary<string, double[]> members, IReadOnlyList<double> constant)
    {
        var constantMae = Mae(actual, constant);
        var eligible = members.Where(member => Mae(actual, member.Value) < constantMae).Select(member => member.Key).Order(StringComparer.Ordinal).ToList();
        var columns = eligible.Select(name => members[name]).Append([.. constant]).ToList();
        var steps = (int)Math.Round(1 / Step);
        var best = (Mae: double.PositiveInfinity, Weights: new int[columns.Count]);
        foreach (var weights in Compositions(steps, columns.Count))
        {
            double sum = 0;
            for (var i = 0; i < actual.Count; i++)
            {
                double forecast = 0;
                for (var c = 0; c < columns.Count; c++)
                {
                    forecast += weights[c] * columns[c][i];
                }
                sum += Math.Abs(actual[i] - forecast / steps);
            }
            if (sum < best.Mae)
            {
                best = (sum, [.. weights]);
            }
        }
        var result = eligible.Select((name, c) => (name, c)).ToDictionary(pair => pair.name, pair => (double)best.Weights[pair.c] / steps);
        result[Constant] = (double)best.Weights[^1] / steps;
        return result;
    }

    /// <summary>The weighted forecast of one row.</summary>
    public static double Combine(IReadOnlyDictionary<string, double> weights, Func<string, double> member, double constant) =>
        weights.Sum(pair => pair.Value == 0 ? 0 : pair.Value * (pair.Key == Constant ? constant : member(pair.Key)));

    public static double Mae(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        double sum = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            sum += Math.Abs(actual[i] - forecast[i]);
        }
        return actual.Count == 0 ? double.NaN : sum / actual.Count;
    }

    /// <summary>Every way to split <paramref name="total"/> steps among <paramref name="parts"/> weights.</summary>
    private static IEnumerable<int[]> Compositions(int total, int parts)
    {
        if (parts == 1)
        {
            yield return [total];
            yield break;
        }
        for (var first = total; first >= 0; first--)
        {
            foreach (var rest in Compositions(total - first, parts - 1))
            {
                yield return [first, .. rest];
            }
        }
    }
}

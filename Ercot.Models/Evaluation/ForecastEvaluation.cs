namespace Ercot.Models.Evaluation;

/// <summary>
/// The one evaluation every model and the ensemble go through: metrics over all hours, per settlement
/// point and per hour ending.
/// </summary>
public static class ForecastEvaluation
{
    /// <summary>Lags of the Newey–West variance in the DM test: a day of hourly errors, which move together.</summary>
    public const int DieboldMarianoLags = 24;

    /// <summary>
    /// Metrics of <paramref name="predicted"/> against <paramref name="actual"/>, in time order.
    /// <paramref name="weekAgo"/> holds the DART of the same hour a week earlier, NaN where unknown.
    /// </summary>
    public static ForecastMetrics Evaluate(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted, ReadOnlySpan<double> weekAgo)
    {
        if (actual.Length != predicted.Length || actual.Length != weekAgo.Length)
        {
            throw new ArgumentException($"Lengths differ: {actual.Length} actual, {predicted.Length} predicted, {weekAgo.Length} week-ago values.");
        }
        var n = actual.Length;
        if (n == 0)
        {
            throw new ArgumentException("Nothing to evaluate: no hours.", nameof(actual));
        }

        double absolute = 0, squared = 0, zeroAbsolute = 0, mean = 0, signHits = 0, signCount = 0;
        double naiveModel = 0, naive = 0;
        var naiveCount = 0;
        var differential = new double[n];
        for (var i = 0; i < n; i++)
        {
            var error = predicted[i] - actual[i];
            absolute += Math.Abs(error);
            squared += error * error;
            zeroAbsolute += Math.Abs(actual[i]);
            mean += actual[i];
            differential[i] = Math.Abs(error) - Math.Abs(actual[i]);
            if (actual[i] != 0 && predicted[i] != 0)
            {
                signCount++;
                signHits += Math.Sign(actual[i]) == Math.Sign(predicted[i]) ? 1 : 0;
            }
            if (!double.IsNaN(weekAgo[i]))
            {
                naiveCount++;
                naiveModel += Math.Abs(error);
                naive += Math.Abs(weekAgo[i] - actual[i]);
            }
        }
        mean /= n;
        double total = 0;
        foreach (var value in actual)
        {
            total += (value - mean) * (value - mean);
        }
        var (statistic, pValue) = DieboldMariano(differential);
        return new ForecastMetrics(
            n,
            absolute / n,
            Math.Sqrt(squared / n),
            total > 0 ? 1 - squared / total : double.NaN,
            signCount > 0 ? signHits / signCount : double.NaN,
            zeroAbsolute > 0 ? absolute / zeroAbsolute : double.NaN,
            naiveCount > 0 && naive > 0 ? naiveModel / naive : null,
            statistic,
            pValue);
    }

    /// <summary>Metrics overall, per settlement point and per hour ending, of one model's predictions.</summary>
    public static EvaluationReport EvaluateAll(IReadOnlyList<EvaluationRow> rows, IReadOnlyList<double> predictions)
    {
        if (rows.Count != predictions.Count)
        {
            throw new ArgumentException($"{rows.Count} rows but {predictions.Count} predictions.", nameof(predictions));
        }
        ForecastMetrics Of(IEnumerable<int> indexes)
        {
            var chosen = indexes.OrderBy(i => rows[i].DeliveryHourUtc).ThenBy(i => rows[i].SettlementPoint, StringComparer.Ordinal).ToArray();
            return Evaluate(
                chosen.Select(i => rows[i].Actual).ToArray(),
                chosen.Select(i => predictions[i]).ToArray(),
                chosen.Select(i => rows[i].WeekAgo ?? double.NaN).ToArray());
        }
        var all = Enumerable.Range(0, rows.Count).ToList();
        return new EvaluationReport(
            Of(all),
            all.GroupBy(i => rows[i].SettlementPoint).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, Of),
            all.GroupBy(i => rows[i].HourEnding).OrderBy(g => g.Key).ToDictionary(g => g.Key, Of));
    }

    /// <summary>
    /// Diebold–Mariano statistic of a loss differential (model minus benchmark), with a Newey–West
    /// (Bartlett) long-run variance, and its two-sided normal p-value. A differential that never
    /// varies gives statistic 0 and p-value 1.
    /// </summary>
    public static (double Statistic, double PValue) DieboldMariano(ReadOnlySpan<double> differential, int lags = DieboldMarianoLags)
    {
        var n = differential.Length;
        double mean = 0;
        foreach (var d in differential)
        {
            mean += d;
        }
        mean /= n;
        double Autocovariance(int lag, ReadOnlySpan<double> values)
        {
            double sum = 0;
            for (var t = lag; t < n; t++)
            {
                sum += (values[t] - mean) * (values[t - lag] - mean);
            }
            return sum / n;
        }
        var variance = Autocovariance(0, differential);
        for (var lag = 1; lag <= Math.Min(lags, n - 1); lag++)
        {
            variance += 2 * (1 - (double)lag / (lags + 1)) * Autocovariance(lag, differential);
        }
        if (variance <= 0)
        {
            return (0, 1);
        }
        var statistic = mean / Math.Sqrt(variance / n);
        return (statistic, Normal.TwoSidedPValue(statistic));
    }
}

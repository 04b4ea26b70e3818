using Ercot.Models.Evaluation;

namespace Ercot.Models.Registry;

/// <summary>
/// How much better a challenger must be to replace the champion: its validation MAE at least
/// <see cref="Margin"/> (a share) below the champion's on the same rows, with a Diebold–Mariano p-value below
/// <see cref="MaxPValue"/>.
/// </summary>
public sealed record ChampionPolicy(double Margin = 0.005, double MaxPValue = 0.10)
{
    public static ChampionPolicy Default { get; } = new();
}

/// <summary>
/// A candidate becomes champion only if, on the same validation rows, it beats the zero forecast, the
/// per-point-and-hour constant of its training block, and the current champion (scored now on those rows, not
/// its old numbers) by the policy's margin with a Diebold–Mariano test at the policy's level. A model that loses
/// to the constant is recorded, never served.
/// </summary>
public static class ChampionRule
{
    /// <summary>Lags of the Newey–West variance over daily mean loss differentials: a week.</summary>
    public const int DailyLags = 7;

    /// <param name="champion">The current champion's predictions on the same rows, or none when there is no comparable champion.</param>
    public static (bool IsChampion, string Reason, ChampionEvidence Evidence) Decide(
        IReadOnlyList<double> actual, IReadOnlyList<double> candidate, IReadOnlyList<double> constant, IReadOnlyList<double>? champion,
        IReadOnlyList<DateOnly> days, ChampionPolicy policy)
    {
        var candidateMae = Mae(actual, candidate);
        var zeroMae = Mae(actual, [.. actual.Select(_ => 0.0)]);
        var constantMae = Mae(actual, constant);
        double? championMae = champion is null ? null : Mae(actual, champion);
        (double Statistic, double PValue)? dm = null;
        if (champion is not null)
        {
            var daily = Enumerable.Range(0, actual.Count).GroupBy(i => days[i]).OrderBy(day => day.Key)
                .Select(day => day.Average(i => Math.Abs(candidate[i] - actual[i]) - Math.Abs(champion[i] - actual[i]))).ToArray();
            dm = daily.Length >= 2 ? ForecastEvaluation.DieboldMariano(daily, DailyLags) : (double.NaN, double.NaN);
        }
        var evidence = new ChampionEvidence(actual.Count, days.Distinct().Count(), Round(candidateMae), Round(zeroMae), Round(constantMae),
            championMae is { } c ? Round(c) : null, policy.Margin, policy.MaxPValue, dm is { } d ? Math.Round(d.Statistic, 3) : null, dm?.PValue);

        if (!double.IsFinite(candidateMae))
        {
            return (false, $"validation MAE is not a number ({candidateMae})", evidence);
        }
        if (candidateMae >= zeroMae)
        {
            return (false, $"validation MAE {candidateMae:F3} does not beat the zero forecast's {zeroMae:F3}", evidence);
        }
        if (candidateMae >= constantMae)
        {
            return (false, $"validation MAE {candidateMae:F3} does not beat the per-point-and-hour constant's {constantMae:F3}", evidence);
        }
        if (championMae is not { } beaten)
        {
            return (true, $"validation MAE {candidateMae:F3} beats the zero forecast's {zeroMae:F3} and the constant's {constantMae:F3}; there was no champion", evidence);
        }
        var bar = beaten * (1 - policy.Margin);
        if (candidateMae > bar)
        {
            return (false, $"validation MAE {candidateMae:F3} is not {Percent(policy.Margin)} below the champion's {beaten:F3} on the same rows (needs ≤ {bar:F3})", evidence);
        }
        var (statistic, p) = dm!.Value;
        if (!(statistic < 0 && p < policy.MaxPValue))
        {
            return (false, $"validation MAE {candidateMae:F3} against the champion's {beaten:F3}, but the Diebold–Mariano test is not significant (statistic {statistic:F2}, p {p:F3} ≥ {policy.MaxPValue})", evidence);
        }
        return (true, $"validation MAE {candidateMae:F3} beats the champion's {beaten:F3} by more than {Percent(policy.Margin)} (Diebold–Mariano p {p:F3}), the constant's {constantMae:F3} and zero's {zeroMae:F3}", evidence);
    }

    private static double Mae(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        double sum = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            sum += Math.Abs(actual[i] - forecast[i]);
        }
        return actual.Count == 0 ? double.NaN : sum / actual.Count;
    }

    private static double Round(double value) => Math.Round(value, 4);

    private static string Percent(double share) => FormattableString.Invariant($"{share * 100:0.##}%");
}

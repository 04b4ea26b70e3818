using Ercot.Core.Models;
using Ercot.Models.Evaluation;

namespace Ercot.Models.Registry;

/// <summary>
/// How much better a challenger must be to replace the champion: its MAE at least <see cref="Margin"/> (a share) below the
/// champion's on rows neither was fitted on, with a Diebold–Mariano p-value below <see cref="MaxPValue"/>; live, on at
/// least <see cref="MinimumLiveDays"/> scored days.
/// </summary>
public sealed record ChampionPolicy(double Margin = 0.005, double MaxPValue = 0.10, int MinimumLiveDays = 28)
{
    public static ChampionPolicy Default { get; } = new();
}

/// <summary>
/// The candidate's and the champion's forecasts of the same rows, which neither was fitted on (<paramref name="Rows"/> says
/// which, in words): the only rows on which the two can be compared fairly.
/// </summary>
public sealed record ChampionComparison(IReadOnlyList<double> Actual, IReadOnlyList<double> Candidate, IReadOnlyList<double> Champion, IReadOnlyList<DateOnly> Days, string Rows);

/// <summary>
/// A candidate must beat the zero forecast and the per-point-and-hour constant of its training block on its own validation
/// rows (out of its sample); a model that loses to either is recorded, never served. Against a champion it is compared only
/// on rows after both models' fits — a champion refitted on train + validation would otherwise be scored in sample. Where no
/// such row exists, the decision says so and the candidate is served in shadow, to be judged on live days
/// (<see cref="ShadowJudge"/>).
/// </summary>
public static class ChampionRule
{
    /// <summary>Lags of the Newey–West variance over daily mean loss differentials: a week.</summary>
    public const int DailyLags = 7;

    /// <param name="champion">The comparison with the current champion, when there are rows neither was fitted on.</param>
    /// <param name="noComparison">Why there is a champion but no such row; null when there is no comparable champion at all.</param>
    public static (ModelRole Role, string Reason, ChampionEvidence Evidence) Decide(
        IReadOnlyList<double> actual, IReadOnlyList<double> candidate, IReadOnlyList<double> constant, IReadOnlyList<DateOnly> days,
        ChampionComparison? champion, string? noComparison, ChampionPolicy policy)
    {
        var candidateMae = Mae(actual, candidate);
        var zeroMae = Mae(actual, [.. actual.Select(_ => 0.0)]);
        var constantMae = Mae(actual, constant);
        var judged = champion is null ? null : Judge(champion, policy);
        var evidence = new ChampionEvidence(actual.Count, days.Distinct().Count(), Round(candidateMae), Round(zeroMae), Round(constantMae),
            judged?.ChampionMae, policy.Margin, policy.MaxPValue, judged?.Statistic, judged?.PValue,
            champion?.Actual.Count, judged?.CandidateMae, champion?.Rows ?? noComparison);

        if (!double.IsFinite(candidateMae))
        {
            return (ModelRole.Challenger, $"validation MAE is not a number ({candidateMae})", evidence);
        }
        if (candidateMae >= zeroMae)
        {
            return (ModelRole.Challenger, $"validation MAE {candidateMae:F3} does not beat the zero forecast's {zeroMae:F3}", evidence);
        }
        if (candidateMae >= constantMae)
        {
            return (ModelRole.Challenger, $"validation MAE {candidateMae:F3} does not beat the per-point-and-hour constant's {constantMae:F3}", evidence);
        }
        if (judged is null)
        {
            return noComparison is null
                ? (ModelRole.Champion, $"validation MAE {candidateMae:F3} beats the zero forecast's {zeroMae:F3} and the constant's {constantMae:F3}; there was no champion", evidence)
                : (ModelRole.Shadow, $"validation MAE {candidateMae:F3} beats zero's {zeroMae:F3} and the constant's {constantMae:F3}, but {noComparison}: served in shadow, to be judged against the champion on live days", evidence);
        }
        return judged.Better
            ? (ModelRole.Champion, $"{judged.Reason}; validation MAE {candidateMae:F3} beats the constant's {constantMae:F3} and zero's {zeroMae:F3}", evidence)
            : (ModelRole.Challenger, judged.Reason, evidence);
    }

    /// <summary>A challenger against the champion on rows neither was fitted on: margin, then a Diebold–Mariano test on daily mean loss differences.</summary>
    public static Judgement Judge(ChampionComparison comparison, ChampionPolicy policy)
    {
        var candidateMae = Mae(comparison.Actual, comparison.Candidate);
        var championMae = Mae(comparison.Actual, comparison.Champion);
        var daily = Enumerable.Range(0, comparison.Actual.Count).GroupBy(i => comparison.Days[i]).OrderBy(day => day.Key)
            .Select(day => day.Average(i => Math.Abs(comparison.Candidate[i] - comparison.Actual[i]) - Math.Abs(comparison.Champion[i] - comparison.Actual[i]))).ToArray();
        var (statistic, p) = daily.Length >= 2 ? ForecastEvaluation.DieboldMariano(daily, DailyLags) : (double.NaN, double.NaN);
        var bar = championMae * (1 - policy.Margin);
        var (better, reason) = candidateMae > bar
            ? (false, $"MAE {candidateMae:F3} on {comparison.Rows} is not {Percent(policy.Margin)} below the champion's {championMae:F3} on the same rows (needs ≤ {bar:F3})")
            : !(statistic < 0 && p < policy.MaxPValue)
                ? (false, $"MAE {candidateMae:F3} against the champion's {championMae:F3} on {comparison.Rows}, but the Diebold–Mariano test is not significant (statistic {statistic:F2}, p {p:F3} ≥ {policy.MaxPValue})")
                : (true, $"MAE {candidateMae:F3} beats the champion's {championMae:F3} on {comparison.Rows} by more than {Percent(policy.Margin)} (Diebold–Mariano p {p:F3})");
        return new Judgement(better, reason, Round(candidateMae), Round(championMae), double.IsNaN(statistic) ? null : Math.Round(statistic, 3), double.IsNaN(p) ? null : p);
    }

    public sealed record Judgement(bool Better, string Reason, double CandidateMae, double ChampionMae, double? Statistic, double? PValue);

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

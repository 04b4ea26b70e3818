using Ercot.Core.Forecasts;

namespace Ercot.Models.Registry;

/// <summary>
/// Judges each challenger served in shadow against its model's champion on the live track record: only the days on which both
/// issued a forecast (the champion being the one serving now), hour by hour. With at least
/// <see cref="ChampionPolicy.MinimumLiveDays"/> such days, a challenger that beats the champion by the margin with a significant
/// Diebold–Mariano test is promoted (the decision and its numbers in the history); one that does not stays a challenger.
/// </summary>
public sealed class ShadowJudge(ModelRegistry registry, TrackRecordStore track, TimeProvider time)
{
    public sealed record Verdict(string Model, string Version, int Days, bool Promoted, string Reason);

    public async Task<IReadOnlyList<Verdict>> JudgeAsync(ChampionPolicy policy, CancellationToken cancellationToken = default)
    {
        var verdicts = new List<Verdict>();
        var shadow = await registry.ReadShadowAsync(cancellationToken);
        if (shadow.Models.Count == 0)
        {
            return verdicts;
        }
        var champions = await registry.ReadChampionsAsync(cancellationToken);
        var days = await track.RangeAsync(DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
        foreach (var (model, entry) in shadow.Models)
        {
            if (!champions.Models.TryGetValue(model, out var champion))
            {
                continue;
            }
            List<double> actual = [], candidate = [], served = [], constant = [];
            List<DateOnly> dates = [];
            foreach (var day in days.Where(day => day.Shadow.GetValueOrDefault(model) == entry.Version && day.Champions.GetValueOrDefault(model) == champion.Version))
            {
                foreach (var hour in day.Hours)
                {
                    if (hour.Shadow.TryGetValue(model, out var challenger) && hour.Models.TryGetValue(model, out var current))
                    {
                        actual.Add(hour.Actual);
                        candidate.Add(challenger);
                        served.Add(current);
                        constant.Add(hour.Constant ?? 0);
                        dates.Add(day.Day);
                    }
                }
            }
            var liveDays = dates.Distinct().Count();
            if (liveDays < policy.MinimumLiveDays)
            {
                verdicts.Add(new Verdict(model, entry.Version, liveDays, false, $"{liveDays} live day(s) in shadow beside champion {champion.Version}; judged from {policy.MinimumLiveDays}"));
                continue;
            }
            var judged = ChampionRule.Judge(new ChampionComparison(actual, candidate, served, dates, $"{liveDays} live days in shadow"), policy);
            if (judged.Better)
            {
                var evidence = new ChampionEvidence(actual.Count, liveDays, judged.CandidateMae,
                    Math.Round(actual.Average(Math.Abs), 4), Math.Round(actual.Select((y, i) => Math.Abs(y - constant[i])).Average(), 4), judged.ChampionMae, policy.Margin, policy.MaxPValue,
                    judged.Statistic, judged.PValue, actual.Count, judged.CandidateMae, $"{liveDays} live days in shadow beside champion {champion.Version}");
                await registry.PromoteShadowAsync(model, entry.Version, $"promoted from shadow: {judged.Reason}", evidence, time.GetUtcNow(), cancellationToken);
            }
            verdicts.Add(new Verdict(model, entry.Version, liveDays, judged.Better, judged.Reason));
        }
        return verdicts;
    }
}

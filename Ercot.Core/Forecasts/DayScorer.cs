namespace Ercot.Core.Forecasts;

/// <summary>Scores an issued forecast against the realised DART: one <see cref="ScoredHour"/> per issued hour, bids by the rule they were issued with.</summary>
public static class DayScorer
{
    /// <summary>The revision the track record holds for a day: the last issued by the gate, else (all late) the first.</summary>
    public static IssueManifest? Scored(IReadOnlyList<IssueManifest> revisions) =>
        revisions.Where(revision => !revision.Late).MaxBy(revision => revision.Revision) ?? revisions.MinBy(revision => revision.Revision);

    /// <exception cref="InvalidOperationException">An issued hour has no realised DART (score only complete days).</exception>
    public static DayScore Score(IssuedForecast issued, IReadOnlyDictionary<(string Point, DateTime HourUtc), double> actual)
    {
        var manifest = issued.Manifest;
        var cost = manifest.BidRule?.Cost ?? 0;
        var hours = issued.Hours
            .OrderBy(hour => hour.SettlementPoint, StringComparer.Ordinal).ThenBy(hour => hour.DeliveryHourUtc)
            .Select(hour =>
            {
                if (!actual.TryGetValue((hour.SettlementPoint, hour.DeliveryHourUtc), out var realised))
                {
                    throw new InvalidOperationException($"No realised DART for {hour.SettlementPoint} at {hour.DeliveryHourUtc:u} on {manifest.OperatingDay:yyyy-MM-dd}.");
                }
                var position = hour.Bid?.Position ?? 0;
                return new ScoredHour(hour.SettlementPoint, hour.DeliveryHourUtc, hour.HourEnding, realised, hour.Dart, hour.P10, hour.P90, hour.Constant,
                    Sorted(hour.Models), Sorted(hour.Shadow), position, Math.Round(BidRule.Pnl(position, realised, cost), 4));
            })
            .ToList();
        return new DayScore(manifest.OperatingDay, manifest.Revision, manifest.IssuedAt, manifest.Late, manifest.Champions, manifest.Shadow, manifest.BidRule, hours);
    }

    private static SortedDictionary<string, double> Sorted(IReadOnlyDictionary<string, ModelForecast> forecasts) =>
        new(forecasts.ToDictionary(pair => pair.Key, pair => pair.Value.Dart), StringComparer.Ordinal);
}

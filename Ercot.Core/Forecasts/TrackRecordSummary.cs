namespace Ercot.Core.Forecasts;

/// <summary>
/// The live record over a run of scored days: each forecast's MAE beside the zero forecast's and the constant's, sign
/// accuracy, the ensemble's 80% band coverage (pooled and by hour ending), and cumulative daily PnL of the issued bids
/// against always INC and against the same θ rule applied to the constant. Per point as well as pooled.
/// </summary>
public sealed record TrackRecordSummary(
    DateOnly? From,
    DateOnly? To,
    int Days,
    int Hours,
    IReadOnlyDictionary<string, LiveSkill> Skill,
    double? Coverage,
    IReadOnlyDictionary<int, double> CoverageByHourEnding,
    IReadOnlyList<DailyPnl> Pnl,
    IReadOnlyDictionary<string, PointRecord> Points)
{
    public const string Ensemble = "ensemble", Constant = "constant", Zero = "zero";

    /// <summary>Coverage the 80% band should show; outside this range the band is mis-sized.</summary>
    public const double CoverageLow = 0.70, CoverageHigh = 0.90;

    public static TrackRecordSummary Of(IReadOnlyList<DayScore> days)
    {
        var hours = days.SelectMany(day => day.Hours.Select(hour => (day, hour))).ToList();
        var byHourEnding = hours.Where(pair => pair.hour.P10 is not null && pair.hour.P90 is not null).GroupBy(pair => pair.hour.HourEnding)
            .OrderBy(group => group.Key).ToDictionary(group => group.Key, group => Math.Round(group.Average(pair => Covered(pair.hour)), 4));
        var pnl = new List<DailyPnl>();
        double bids = 0, inc = 0, constant = 0;
        foreach (var day in days.OrderBy(day => day.Day))
        {
            var cost = day.BidRule?.Cost ?? 0;
            bids += day.Hours.Sum(hour => hour.BidPnl);
            inc += day.Hours.Sum(hour => BidRule.Pnl(day.BidRule?.Mw ?? 1, hour.Actual, cost));
            constant += day.Hours.Sum(hour => day.BidRule?.Suggest(hour.Constant ?? 0) is { } bid ? BidRule.Pnl(bid.Position, hour.Actual, cost) : 0);
            pnl.Add(new DailyPnl(day.Day, Math.Round(bids, 2), Math.Round(inc, 2), Math.Round(constant, 2)));
        }
        var points = hours.GroupBy(pair => pair.hour.SettlementPoint, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => new PointRecord(
                group.Count(), SkillOf([.. group.Select(pair => pair.hour)]), CoverageOf([.. group.Select(pair => pair.hour)]),
                Math.Round(group.Sum(pair => pair.hour.BidPnl), 2)), StringComparer.Ordinal);
        return new TrackRecordSummary(days.Count == 0 ? null : days.Min(day => day.Day), days.Count == 0 ? null : days.Max(day => day.Day), days.Count, hours.Count,
            SkillOf([.. hours.Select(pair => pair.hour)]), CoverageOf([.. hours.Select(pair => pair.hour)]), byHourEnding, pnl, points);
    }

    private static double Covered(ScoredHour hour) => hour.Actual >= hour.P10 && hour.Actual <= hour.P90 ? 1 : 0;

    private static double? CoverageOf(IReadOnlyList<ScoredHour> hours)
    {
        var banded = hours.Where(hour => hour.P10 is not null && hour.P90 is not null).ToList();
        return banded.Count == 0 ? null : Math.Round(banded.Average(Covered), 4);
    }

    /// <summary>Each forecast's skill on the hours it has a value for; rMAE against zero and the constant on those same hours.</summary>
    private static Dictionary<string, LiveSkill> SkillOf(IReadOnlyList<ScoredHour> hours)
    {
        var forecasts = new Dictionary<string, Func<ScoredHour, double?>>(StringComparer.Ordinal)
        {
            [Ensemble] = hour => hour.Dart,
            [Constant] = hour => hour.Constant,
            [Zero] = _ => 0,
        };
        foreach (var name in hours.SelectMany(hour => hour.Models.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            forecasts[name] = hour => hour.Models.TryGetValue(name, out var value) ? value : null;
        }
        foreach (var name in hours.SelectMany(hour => hour.Shadow.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            forecasts[$"shadow:{name}"] = hour => hour.Shadow.TryGetValue(name, out var value) ? value : null;
        }
        var skill = new Dictionary<string, LiveSkill>(StringComparer.Ordinal);
        foreach (var (name, forecast) in forecasts)
        {
            var rows = hours.Select(hour => (hour, value: forecast(hour))).Where(pair => pair.value is not null).ToList();
            if (rows.Count == 0)
            {
                continue;
            }
            var mae = rows.Average(pair => Math.Abs(pair.hour.Actual - pair.value!.Value));
            var zero = rows.Average(pair => Math.Abs(pair.hour.Actual));
            var withConstant = rows.Where(pair => pair.hour.Constant is not null).ToList();
            double? vsConstant = withConstant.Count == 0 ? null
                : Math.Round(withConstant.Average(pair => Math.Abs(pair.hour.Actual - pair.value!.Value)) / withConstant.Average(pair => Math.Abs(pair.hour.Actual - pair.hour.Constant!.Value)), 4);
            skill[name] = new LiveSkill(rows.Count, Math.Round(mae, 4), zero == 0 ? null : Math.Round(mae / zero, 4), vsConstant,
                Math.Round(rows.Average(pair => Math.Sign(pair.value!.Value) == Math.Sign(pair.hour.Actual) ? 1.0 : 0.0), 4));
        }
        return skill;
    }
}

/// <summary>One forecast's live skill: hours, MAE ($/MWh), MAE relative to zero's and to the constant's on the same hours, sign accuracy.</summary>
public sealed record LiveSkill(int Hours, double Mae, double? RmaeVsZero, double? RmaeVsConstant, double SignAccuracy);

/// <summary>Cumulative PnL ($, after costs) to the end of a day: the issued bids, always INC, and the θ rule on the constant.</summary>
public sealed record DailyPnl(DateOnly Day, double Bids, double AlwaysInc, double ConstantBids);

/// <summary>One point's record.</summary>
public sealed record PointRecord(int Hours, IReadOnlyDictionary<string, LiveSkill> Skill, double? Coverage, double BidPnl);

namespace Ercot.Core.Forecasts;

/// <summary>
/// One operating day of the track record, <c>forecasts/track/{day}.json</c>: the revision that was scored (the last issued by
/// the gate, else the first late one), its models, and every hour's forecasts beside the realised DART. It holds nothing
/// but what was issued and what happened, so scoring a day again writes the same record.
/// </summary>
public sealed record DayScore(
    DateOnly Day,
    int Revision,
    DateTimeOffset IssuedAt,
    bool Late,
    IReadOnlyDictionary<string, string> Champions,
    IReadOnlyDictionary<string, string> Shadow,
    BidRule? BidRule,
    IReadOnlyList<ScoredHour> Hours);

/// <summary>An issued hour beside its realised DART (DAM SPP − the mean of the hour's four RT SPPs), and what its bid earned.</summary>
public sealed record ScoredHour(
    string SettlementPoint,
    DateTime DeliveryHourUtc,
    int HourEnding,
    double Actual,
    double Dart,
    double? P10,
    double? P90,
    double? Constant,
    IReadOnlyDictionary<string, double> Models,
    IReadOnlyDictionary<string, double> Shadow,
    double Position,
    double BidPnl);

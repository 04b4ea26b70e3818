namespace Ercot.Core.Forecasts;

/// <summary>
/// One operating day's forecast as issued before the gate: immutable once written. <see cref="Manifest"/> says when, against
/// which gate, with which models and feature schema; <see cref="Hours"/> holds every point's hours.
/// </summary>
public sealed record IssuedForecast(IssueManifest Manifest, IReadOnlyList<IssuedHour> Hours);

/// <summary>
/// <c>forecasts/issued/{day}/r{revision}/manifest.json</c>, written after the forecast file it describes: a revision without
/// it is incomplete and never read. <see cref="Late"/> when issued after the gate (10:00 Central on the day before).
/// <see cref="MissingInputs"/> counts, per input the champions use, the rows that lacked it.
/// </summary>
public sealed record IssueManifest(
    DateOnly OperatingDay,
    int Revision,
    DateTimeOffset IssuedAt,
    DateTimeOffset Gate,
    bool Late,
    string Trigger,
    IReadOnlyDictionary<string, string> Champions,
    IReadOnlyDictionary<string, string> Shadow,
    string FeatureSchemaHash,
    IReadOnlyList<string> Points,
    int Rows,
    int RowsWithMissingInputs,
    IReadOnlyDictionary<string, int> MissingInputs,
    BidRule? BidRule,
    string ForecastSha256);

/// <summary>
/// One point and delivery hour: the ensemble's DART and 80% band, the per-point-and-hour constant (the trailing year's median, known
/// at the gate), each champion's and each shadow challenger's forecast, the inputs the row lacked, and the bid suggested on it.
/// </summary>
public sealed record IssuedHour(
    string SettlementPoint,
    DateTime DeliveryHourUtc,
    int HourEnding,
    bool DstFlag,
    double Dart,
    double? P10,
    double? P90,
    double? Constant,
    IReadOnlyDictionary<string, ModelForecast> Models,
    IReadOnlyDictionary<string, ModelForecast> Shadow,
    IReadOnlyList<string> MissingInputs,
    SuggestedBid? Bid);

/// <summary>One model's forecast of an hour, with its own 80% band when it has one.</summary>
public sealed record ModelForecast(double Dart, double? P10, double? P90);

/// <summary>A virtual bid: INC (sell day-ahead, buy back in real time) or DEC, of <see cref="Mw"/> MW.</summary>
public sealed record SuggestedBid(string Side, double Mw)
{
    public const string Inc = "INC", Dec = "DEC";

    /// <summary>+MW for INC, −MW for DEC.</summary>
    public double Position => Side == Inc ? Mw : -Mw;
}

/// <summary>
/// The rule bids were suggested by: INC above +θ, DEC below −θ, <see cref="Mw"/> MW an hour, θ and the round-trip cost as the
/// backtest <see cref="BacktestId"/> chose them on its last fold's validation rows.
/// </summary>
public sealed record BidRule(string BacktestId, double Theta, double Cost, double Mw = 1)
{
    public SuggestedBid? Suggest(double forecast) =>
        forecast > Theta ? new SuggestedBid(SuggestedBid.Inc, Mw) : forecast < -Theta ? new SuggestedBid(SuggestedBid.Dec, Mw) : null;

    /// <summary>What a position earns on the hour's actual DART, less the cost of every MWh traded.</summary>
    public static double Pnl(double position, double dart, double cost) => position * dart - Math.Abs(position) * cost;
}

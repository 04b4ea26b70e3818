using System.Globalization;
using System.Text;
using Ercot.Core.Forecasts;

namespace Ercot.Inference.Issuing;

/// <summary>One operating day's suggested virtual bids, from one issued revision: every point and hour, traded or not.</summary>
public sealed record DayBids(DateOnly Date, int Revision, DateTimeOffset IssuedAt, bool Late, BidRule? Rule, IReadOnlyList<HourBid> Bids)
{
    public static DayBids Of(IssuedForecast forecast) => new(forecast.Manifest.OperatingDay, forecast.Manifest.Revision, forecast.Manifest.IssuedAt,
        forecast.Manifest.Late, forecast.Manifest.BidRule,
        [.. forecast.Hours.OrderBy(hour => hour.SettlementPoint, StringComparer.Ordinal).ThenBy(hour => hour.DeliveryHourUtc)
            .Select(hour => new HourBid(hour.SettlementPoint, hour.HourEnding, hour.DstFlag, hour.DeliveryHourUtc, hour.Bid?.Side ?? "none", hour.Bid?.Mw ?? 0,
                hour.Dart, hour.P10, hour.P90))]);

    /// <summary>One row a point and hour, with the rule's θ, cost and backtest on every row, so the file stands alone.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder("operating_day,settlement_point,hour_ending,dst_flag,delivery_hour_utc,side,mw,forecast_dart,p10,p90,theta,cost,backtest,revision,late\n");
        foreach (var bid in Bids)
        {
            csv.AppendLine(string.Join(',',
                Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), bid.SettlementPoint, bid.HourEnding.ToString(CultureInfo.InvariantCulture), bid.DstFlag ? "Y" : "N",
                bid.DeliveryHourUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), bid.Side, Number(bid.Mw), Number(bid.Forecast),
                Number(bid.P10), Number(bid.P90), Number(Rule?.Theta), Number(Rule?.Cost), Rule?.BacktestId ?? "", Revision.ToString(CultureInfo.InvariantCulture), Late ? "true" : "false"));
        }
        return csv.ToString();
    }

    private static string Number(double? value) => value is { } known ? known.ToString("0.####", CultureInfo.InvariantCulture) : "";
}

/// <summary>One point and hour: INC, DEC or none, MW, the forecast DART and its 80% band.</summary>
public sealed record HourBid(string SettlementPoint, int HourEnding, bool DstFlag, DateTime DeliveryHourUtc, string Side, double Mw, double Forecast, double? P10, double? P90);

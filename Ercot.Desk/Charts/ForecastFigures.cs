using Ercot.Desk.Data;

namespace Ercot.Desk.Charts;

/// <summary>The Tomorrow page's chart of each settlement point.</summary>
public static class ForecastFigures
{
    /// <summary>One point's hours: the 80% band, the ensemble, then each model in name order.</summary>
    public static Figure Of(PointForecast point)
    {
        var x = point.Hours.Select(hour => CentralTime.HourLabel(hour.HourEnding, hour.DstFlag)).ToList();
        var figure = new Figure($"{point.SettlementPoint}: DART forecast with its 80% interval", "Hour ending (Central time)", "DART ($/MWh)")
            .Along(x)
            .Band("p10", point.Hours.Select(hour => hour.P10), "p90", point.Hours.Select(hour => hour.P90))
            .Line("ensemble", point.Hours.Select(hour => (double?)hour.Dart), 0);
        var style = 1;
        foreach (var model in point.Hours.SelectMany(hour => hour.Models.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            figure.Line(model, point.Hours.Select(hour => hour.Models.TryGetValue(model, out var value) ? value : (double?)null), style++);
        }
        return figure;
    }
}

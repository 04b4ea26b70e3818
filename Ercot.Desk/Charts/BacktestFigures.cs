using System.Globalization;
using Ercot.Desk.Data;

namespace Ercot.Desk.Charts;

/// <summary>A backtest page's charts, from its report and its predictions' daily series.</summary>
public static class BacktestFigures
{
    /// <summary>A point's daily mean DART, actual and forecast, with the daily mean band.</summary>
    public static Figure Actual(BacktestSeries series)
    {
        var days = series.Days.Select(day => day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        return new Figure($"{series.Point}: daily mean DART, predicted and actual", "Operating day (Central time)", "DART ($/MWh)")
            .Along(days)
            .Band("p10 (daily mean)", series.Days.Select(day => day.P10), "p90 (daily mean)", series.Days.Select(day => day.P90))
            .Line("actual", series.Days.Select(day => (double?)day.Actual), 1, markers: false)
            .Line("ensemble", series.Days.Select(day => (double?)day.Forecast), 0, markers: false);
    }

    /// <summary>The ensemble's bids against always INC, cumulative over every point.</summary>
    public static Figure Pnl(BacktestSeries series)
    {
        var days = series.Pnl.Select(day => day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        return new Figure("Cumulative PnL, every point (1 MW an hour, after cost)", "Operating day (Central time)", "Cumulative PnL ($)")
            .Along(days)
            .Line("ensemble bids", Cumulative(series.Pnl.Select(day => day.Ensemble)), 0, markers: false)
            .Line("always INC", Cumulative(series.Pnl.Select(day => day.AlwaysInc)), 1, markers: false);
    }

    public static Figure ByHour(BacktestReport report)
    {
        var hours = report.PerHourEnding.Keys.Order().ToList();
        var figure = new Figure("MAE by hour ending", "Hour ending (Central time)", "MAE ($/MWh)").Along(hours.Select(hour => $"HE {hour:00}"));
        var style = 0;
        foreach (var name in new[] { BacktestReport.Ensemble, BacktestReport.Constant, BacktestReport.Zero }.Where(report.Pooled.ContainsKey))
        {
            figure.Line(name, hours.Select(hour => (double?)report.PerHourEnding[hour][name].Mae), style++);
        }
        return figure;
    }

    public static Figure ByMonth(BacktestReport report)
    {
        var months = report.PerMonth.Keys.Order(StringComparer.Ordinal).ToList();
        return new Figure("rMAE of the ensemble by month (below 1 beats the benchmark)", "Month", "rMAE (ensemble MAE / benchmark MAE)")
            .Along(months)
            .Line("vs zero", months.Select(month => (double?)report.PerMonth[month][BacktestReport.Ensemble].RmaeVsZero), 0)
            .Line("vs constant", months.Select(month => (double?)report.PerMonth[month][BacktestReport.Ensemble].RmaeVsConstant), 1)
            .Reference("1 = no better", 1);
    }

    public static Figure Coverage(IntervalReport intervals)
    {
        var hours = intervals.PerHourEnding.Keys.Order().ToList();
        var labels = hours.Select(hour => $"HE {hour:00}").ToList();
        return new Figure("80% interval coverage by hour ending", "Hour ending (Central time)", "Share of actuals inside (%)")
            .Along(labels)
            .Line("ensemble interval", hours.Select(hour => (double?)(intervals.PerHourEnding[hour].Coverage * 100)), 0)
            .Line("unconditional range", hours.Select(hour => (double?)(intervals.PerHourEnding[hour].UnconditionalCoverage * 100)), 1)
            .Reference("80% target", 80);
    }

    private static IEnumerable<double?> Cumulative(IEnumerable<double> values)
    {
        var total = 0.0;
        foreach (var value in values)
        {
            total += value;
            yield return total;
        }
    }
}

using System.Globalization;
using System.Text;

namespace Ercot.Models.Backtesting;

/// <summary>
/// The report as Markdown (<c>report.md</c>): what was run, the pooled table, the tests, the pooled trading and
/// interval tables, then by month, point and hour, trading and intervals in detail, and the folds.
/// </summary>
public static class BacktestMarkdown
{
    public static string Render(BacktestReport report)
    {
        var request = report.Request;
        var text = new StringBuilder();
        Line(text, $"# Backtest {report.Id}");
        Line(text, "");
        Line(text, $"Walk-forward over {request.From:yyyy-MM-dd}..{request.To:yyyy-MM-dd}: {report.Folds.Count} folds (refit every {request.Refit.ToString().ToLowerInvariant()}), " +
            $"{(request.WindowDays is { } days ? $"a fixed {days}-day window" : $"an expanding window from {request.TrainFrom:yyyy-MM-dd}")}, " +
            $"{report.Rows:N0} test hours, {report.PerPoint.Count} points, {report.Seconds:F0} s. Models: {string.Join(", ", request.Models)}.");
        Line(text, "Each fold trains up to two days before its first day; early stopping on the last 91 days of its window, then a refit on all of it.");
        Line(text, "");
        Line(text, "## Pooled");
        Line(text, "");
        Table(text, "forecast", report.Forecasts.Select(name => (name, report.Pooled[name])));
        Line(text, "");
        Line(text, "## Diebold–Mariano (absolute errors, daily means, Newey–West 7 lags; negative = better)");
        Line(text, "");
        Line(text, "| forecast | against | days | mean diff $/MWh | statistic | p |");
        Line(text, "|---|---|---|---|---|---|");
        foreach (var test in report.Tests)
        {
            Line(text, $"| {test.Forecast} | {test.Benchmark} | {test.Days} | {test.MeanDifference:F3} | {test.Statistic:F2} | {test.PValue:G3} |");
        }
        Line(text, "");
        if (report.Trading is { } trading)
        {
            Line(text, $"## Trading (1 MW virtual bids at the gate, ${trading.Cost:F2}/MWh round trip; θ chosen on each fold's validation)");
            Line(text, "");
            TradingTable(text, "strategy", trading.Pooled.Select(pair => (pair.Key, pair.Value)));
            Line(text, "");
        }
        if (report.Intervals is { } intervals)
        {
            Line(text, "## 80% intervals (ensemble; unconditional = the training block's per-point-and-hour 10–90% range)");
            Line(text, "");
            IntervalTable(text, "hours", [("all", intervals.Pooled)]);
            Line(text, "");
        }
        Section(text, "By month (ensemble)", report.PerMonth.Select(pair => (pair.Key, pair.Value[BacktestReport.Ensemble])));
        Section(text, "By point (ensemble)", report.PerPoint.Select(pair => (pair.Key, pair.Value[BacktestReport.Ensemble])));
        Section(text, "By hour ending (ensemble)", report.PerHourEnding.Select(pair => (pair.Key.ToString(CultureInfo.InvariantCulture), pair.Value[BacktestReport.Ensemble])));
        if (report.Trading is { } byPoint)
        {
            foreach (var strategy in new[] { BacktestReport.Ensemble, BacktestReport.Constant, TradingReport.AlwaysInc })
            {
                Line(text, $"## Trading by point ({strategy})");
                Line(text, "");
                TradingTable(text, "point", byPoint.PerPoint.Select(pair => (pair.Key, pair.Value[strategy])));
                Line(text, "");
            }
        }
        if (report.Intervals is { } detail)
        {
            Line(text, "## 80% intervals by hour ending");
            Line(text, "");
            IntervalTable(text, "hour", detail.PerHourEnding.Select(pair => (pair.Key.ToString(CultureInfo.InvariantCulture), pair.Value)));
            Line(text, "");
            Line(text, "## 80% intervals by point");
            Line(text, "");
            IntervalTable(text, "point", detail.PerPoint.Select(pair => (pair.Key, pair.Value)));
            Line(text, "");
        }
        Line(text, "## Folds");
        Line(text, "");
        Line(text, $"| fold | train | test | rows | {string.Join(" | ", request.Models.Select(model => $"{model}: configuration, chosen/trained, val MAE"))} | ensemble weights | θ ensemble / constant | interval scale exponent | s |");
        Line(text, $"|---|---|---|---|{string.Concat(request.Models.Select(_ => "---|"))}---|---|---|---|");
        foreach (var fold in report.Folds)
        {
            var models = request.Models.Select(model => fold.Models[model]).Select(m => $"{m.Configuration ?? "default"}, {m.ChosenIterations}/{m.Iterations}, {m.ValidationMae:F2}{(m.Served ? "" : " (not served)")}");
            var weights = string.Join(", ", fold.EnsembleWeights.Where(pair => pair.Value > 0).Select(pair => $"{pair.Key} {pair.Value:F2}"));
            Line(text, $"| {fold.Fold.Index + 1} | {fold.Fold.TrainFrom:yyyy-MM-dd}..{fold.Fold.TrainTo:yyyy-MM-dd} | {fold.Fold.TestFrom:yyyy-MM-dd}..{fold.Fold.TestTo:yyyy-MM-dd} | " +
                $"{fold.TrainRows:N0} | {string.Join(" | ", models)} | {weights} | {(fold.Decisions is { } d ? $"{d.Theta:G4} / {d.ConstantTheta:G4}" : "")} | {fold.Decisions?.Interval.Exponent:G2} | {fold.Seconds:F0} |");
        }
        if (report.Folds.Count > 0 && report.Folds[0].Models.Values.FirstOrDefault()?.DroppedFeatures is { Count: > 0 } dropped)
        {
            Line(text, "");
            Line(text, $"Features left out in fold 1 (absent where it forecasts): {string.Join(", ", dropped)}.");
        }
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IEnumerable<(string Key, SkillMetrics Metrics)> rows)
    {
        Line(text, $"## {title}");
        Line(text, "");
        Table(text, title.Split(' ')[1], rows);
        Line(text, "");
    }

    private static void Table(StringBuilder text, string key, IEnumerable<(string Key, SkillMetrics Metrics)> rows)
    {
        Line(text, $"| {key} | hours | MAE | RMSE | rMAE vs zero | rMAE vs constant | rMAE vs week-ago | sign accuracy |");
        Line(text, "|---|---|---|---|---|---|---|---|");
        foreach (var (name, m) in rows)
        {
            Line(text, $"| {name} | {m.Count:N0} | {m.Mae:F3} | {m.Rmse:F2} | {m.RmaeVsZero:F3} | {m.RmaeVsConstant:F3} | {m.RmaeVsWeekAgo:F3} | {m.SignAccuracy:P1} |");
        }
    }

    private static void TradingTable(StringBuilder text, string key, IEnumerable<(string Key, TradingMetrics Metrics)> rows)
    {
        Line(text, $"| {key} | hours | traded | precision | PnL $/MWh traded | total PnL $ | daily Sharpe | max drawdown $ |");
        Line(text, "|---|---|---|---|---|---|---|---|");
        foreach (var (name, m) in rows)
        {
            Line(text, $"| {name} | {m.Hours:N0} | {m.HoursTraded:N0} | {m.Precision:P1} | {m.PnlPerMwh:F3} | {m.TotalPnl:N0} | {m.DailySharpe:F3} | {m.MaxDrawdown:N0} |");
        }
    }

    private static void IntervalTable(StringBuilder text, string key, IEnumerable<(string Key, IntervalMetrics Metrics)> rows)
    {
        Line(text, $"| {key} | hours | coverage | mean width $/MWh | unconditional coverage | unconditional width | pinball 0.1 | pinball 0.5 | pinball 0.9 |");
        Line(text, "|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, m) in rows)
        {
            Line(text, $"| {name} | {m.Count:N0} | {m.Coverage:P1} | {m.MeanWidth:F2} | {m.UnconditionalCoverage:P1} | {m.UnconditionalWidth:F2} | {m.Pinball10:F3} | {m.Pinball50:F3} | {m.Pinball90:F3} |");
        }
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}

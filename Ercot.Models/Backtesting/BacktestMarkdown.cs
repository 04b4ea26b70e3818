using System.Globalization;
using System.Text;

namespace Ercot.Models.Backtesting;

/// <summary>The report as Markdown (<c>report.md</c>): what was run, the pooled table, the tests, then by month, point and hour.</summary>
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
        Section(text, "By month (ensemble)", report.PerMonth.Select(pair => (pair.Key, pair.Value[BacktestReport.Ensemble])));
        Section(text, "By point (ensemble)", report.PerPoint.Select(pair => (pair.Key, pair.Value[BacktestReport.Ensemble])));
        Section(text, "By hour ending (ensemble)", report.PerHourEnding.Select(pair => (pair.Key.ToString(CultureInfo.InvariantCulture), pair.Value[BacktestReport.Ensemble])));
        Line(text, "## Folds");
        Line(text, "");
        Line(text, $"| fold | train | test | rows | {string.Join(" | ", request.Models.Select(model => $"{model}: configuration, chosen/trained, val MAE"))} | ensemble weights | s |");
        Line(text, $"|---|---|---|---|{string.Concat(request.Models.Select(_ => "---|"))}---|---|");
        foreach (var fold in report.Folds)
        {
            var models = request.Models.Select(model => fold.Models[model]).Select(m => $"{m.Configuration ?? "default"}, {m.ChosenIterations}/{m.Iterations}, {m.ValidationMae:F2}{(m.Served ? "" : " (not served)")}");
            var weights = string.Join(", ", fold.EnsembleWeights.Where(pair => pair.Value > 0).Select(pair => $"{pair.Key} {pair.Value:F2}"));
            Line(text, $"| {fold.Fold.Index + 1} | {fold.Fold.TrainFrom:yyyy-MM-dd}..{fold.Fold.TrainTo:yyyy-MM-dd} | {fold.Fold.TestFrom:yyyy-MM-dd}..{fold.Fold.TestTo:yyyy-MM-dd} | " +
                $"{fold.TrainRows:N0} | {string.Join(" | ", models)} | {weights} | {fold.Seconds:F0} |");
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

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}

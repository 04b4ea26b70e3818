using System.Text.Json;
using System.Text.Json.Serialization;
using Ercot.Models.Evaluation;

namespace Ercot.Models.Backtesting;

/// <summary>
/// A backtest's report (<c>report.json</c>): every forecast — each model, the ensemble and the three baselines
/// (zero, the per-point-and-hour training median "constant", the same hour a week earlier) — scored on the same
/// hours, pooled and per point, hour ending and month; Diebold–Mariano tests of the ensemble and each model
/// against zero and the constant; and what each fold's models learned.
/// </summary>
public sealed record BacktestReport(
    string Id,
    BacktestRequest Request,
    int Rows,
    double Seconds,
    IReadOnlyList<string> Forecasts,
    IReadOnlyDictionary<string, SkillMetrics> Pooled,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, SkillMetrics>> PerPoint,
    IReadOnlyDictionary<int, IReadOnlyDictionary<string, SkillMetrics>> PerHourEnding,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, SkillMetrics>> PerMonth,
    IReadOnlyList<DieboldMarianoTest> Tests,
    IReadOnlyList<FoldSummary> Folds,
    IntervalReport? Intervals = null,
    TradingReport? Trading = null)
{
    public const string Ensemble = "ensemble";
    public const string Zero = "zero";
    public const string Constant = "constant";
    public const string WeekAgo = "week_ago";

    /// <summary>Lags of the Newey–West variance over daily mean loss differentials: a week.</summary>
    public const int DailyLags = 7;

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static BacktestReport Of(string id, BacktestRequest request, IReadOnlyList<BacktestFoldResult> folds, double seconds)
    {
        var rows = folds.SelectMany(fold => fold.Predictions).OrderBy(row => row.HourUtc).ThenBy(row => row.Point, StringComparer.Ordinal).ToList();
        var forecasts = new List<string>(request.Models) { Ensemble, Constant, WeekAgo, Zero };
        Func<BacktestPrediction, double> Forecast(string name) => name switch
        {
            Ensemble => row => row.Ensemble,
            Constant => row => row.Constant,
            // Where the week-ago DART is unknown, that baseline falls back to the constant.
            WeekAgo => row => row.WeekAgo ?? row.Constant,
            Zero => _ => 0,
            _ => row => row.Models[request.Models.ToList().IndexOf(name)],
        };
        IReadOnlyDictionary<string, SkillMetrics> Score(IReadOnlyList<BacktestPrediction> chosen) =>
            forecasts.ToDictionary(name => name, name => SkillMetrics.Of(chosen, Forecast(name)));

        var tests = new List<DieboldMarianoTest>();
        foreach (var name in request.Models.Append(Ensemble))
        {
            foreach (var benchmark in new[] { Zero, Constant })
            {
                tests.Add(DieboldMarianoTest.Of(name, benchmark, rows, Forecast(name), Forecast(benchmark)));
            }
        }
        return new BacktestReport(
            id, request, rows.Count, Math.Round(seconds, 1), forecasts, Score(rows),
            rows.GroupBy(row => row.Point).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Score([.. g])),
            rows.GroupBy(row => row.HourEnding).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => Score([.. g])),
            rows.GroupBy(row => $"{row.Day:yyyy-MM}").OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Score([.. g])),
            tests,
            [.. folds.Select(FoldSummary.Of)],
            IntervalReport.Of(rows),
            TradingReport.Of(rows, request.Cost));
    }
}

/// <summary>
/// The ensemble's 80% intervals scored: coverage and mean width, next to the training block's unconditional
/// per-point-and-hour 10–90% range on the same hours, and the pinball loss at 0.1, 0.5 (the point forecast) and
/// 0.9 — pooled, per hour ending and per point.
/// </summary>
public sealed record IntervalReport(IntervalMetrics Pooled, IReadOnlyDictionary<int, IntervalMetrics> PerHourEnding, IReadOnlyDictionary<string, IntervalMetrics> PerPoint)
{
    public static IntervalReport? Of(IReadOnlyList<BacktestPrediction> rows)
    {
        var scored = rows.Where(row => row is { P10: not null, P90: not null }).ToList();
        return scored.Count == 0 ? null : new IntervalReport(
            IntervalMetrics.Of(scored),
            scored.GroupBy(row => row.HourEnding).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => IntervalMetrics.Of([.. g])),
            scored.GroupBy(row => row.Point).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => IntervalMetrics.Of([.. g])));
    }
}

public sealed record IntervalMetrics(
    int Count, double Coverage, double MeanWidth, double UnconditionalCoverage, double UnconditionalWidth, double Pinball10, double Pinball50, double Pinball90)
{
    public static IntervalMetrics Of(IReadOnlyList<BacktestPrediction> rows)
    {
        var unconditional = rows.Where(row => row.UnconditionalP10 is { } low && row.UnconditionalP90 is { } high && double.IsFinite(low) && double.IsFinite(high)).ToList();
        return new IntervalMetrics(
            rows.Count,
            Round(rows.Average(row => row.Actual >= row.P10 && row.Actual <= row.P90 ? 1.0 : 0.0)),
            Round(rows.Average(row => row.P90!.Value - row.P10!.Value)),
            unconditional.Count == 0 ? double.NaN : Round(unconditional.Average(row => row.Actual >= row.UnconditionalP10 && row.Actual <= row.UnconditionalP90 ? 1.0 : 0.0)),
            unconditional.Count == 0 ? double.NaN : Round(unconditional.Average(row => row.UnconditionalP90!.Value - row.UnconditionalP10!.Value)),
            Round(rows.Average(row => Pinball(row.Actual, row.P10!.Value, 0.1))),
            Round(rows.Average(row => Pinball(row.Actual, row.Ensemble, 0.5))),
            Round(rows.Average(row => Pinball(row.Actual, row.P90!.Value, 0.9))));
    }

    /// <summary>The quantile (pinball) loss of <paramref name="quantile"/> as the τ-quantile of <paramref name="actual"/>.</summary>
    public static double Pinball(double actual, double quantile, double tau) => Math.Max(tau * (actual - quantile), (tau - 1) * (actual - quantile));

    private static double Round(double value) => Math.Round(value, 4);
}

/// <summary>
/// The virtual-bid strategies on the test hours, pooled and per point: the ensemble's (θ chosen on each fold's
/// validation), the per-point constant's (θ chosen the same way), "always INC", and the zero forecast's (which
/// never trades).
/// </summary>
public sealed record TradingReport(double Cost, IReadOnlyDictionary<string, TradingMetrics> Pooled, IReadOnlyDictionary<string, IReadOnlyDictionary<string, TradingMetrics>> PerPoint)
{
    public const string AlwaysInc = "always_inc";

    public static IReadOnlyList<string> Strategies { get; } = [BacktestReport.Ensemble, BacktestReport.Constant, AlwaysInc, BacktestReport.Zero];

    public static TradingReport Of(IReadOnlyList<BacktestPrediction> rows, double cost)
    {
        IReadOnlyDictionary<string, TradingMetrics> Score(IReadOnlyList<BacktestPrediction> chosen) => Strategies.ToDictionary(strategy => strategy, strategy =>
            TradingMetrics.Of([.. chosen.Select(row => (row.Day, Position(strategy, row), row.Actual))], cost));
        return new TradingReport(cost, Score(rows),
            rows.GroupBy(row => row.Point).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Score([.. g])));
    }

    private static double Position(string strategy, BacktestPrediction row) => strategy switch
    {
        BacktestReport.Ensemble => row.EnsemblePosition,
        BacktestReport.Constant => row.ConstantPosition,
        AlwaysInc => 1,
        _ => 0,
    };
}

/// <summary>
/// One forecast's errors on a set of hours: MAE first, RMSE, MAE relative to the zero forecast, the constant and
/// the week-ago value (each on the same hours), and sign accuracy (hours with a non-zero actual and forecast).
/// </summary>
public sealed record SkillMetrics(int Count, double Mae, double Rmse, double RmaeVsZero, double RmaeVsConstant, double RmaeVsWeekAgo, double SignAccuracy)
{
    public static SkillMetrics Of(IReadOnlyList<BacktestPrediction> rows, Func<BacktestPrediction, double> forecast)
    {
        double absolute = 0, squared = 0, zero = 0, constant = 0, weekAgo = 0, hits = 0, signed = 0;
        foreach (var row in rows)
        {
            var value = forecast(row);
            var error = value - row.Actual;
            absolute += Math.Abs(error);
            squared += error * error;
            zero += Math.Abs(row.Actual);
            constant += Math.Abs(row.Constant - row.Actual);
            weekAgo += Math.Abs((row.WeekAgo ?? row.Constant) - row.Actual);
            if (row.Actual != 0 && value != 0)
            {
                signed++;
                hits += Math.Sign(value) == Math.Sign(row.Actual) ? 1 : 0;
            }
        }
        var n = Math.Max(1, rows.Count);
        return new SkillMetrics(rows.Count, Round(absolute / n), Round(Math.Sqrt(squared / n)), Ratio(absolute, zero), Ratio(absolute, constant), Ratio(absolute, weekAgo),
            signed > 0 ? Round(hits / signed) : double.NaN);
    }

    private static double Ratio(double a, double b) => b > 0 ? Math.Round(a / b, 4) : double.NaN;

    private static double Round(double value) => Math.Round(value, 4);
}

/// <summary>
/// A Diebold–Mariano test of absolute errors, <see cref="Forecast"/> against <see cref="Benchmark"/>: the loss
/// differential averaged per operating day (hours and points of a day move together), a Newey–West variance
/// with a week of lags, a two-sided normal p-value. A negative statistic means the forecast is better.
/// </summary>
public sealed record DieboldMarianoTest(string Forecast, string Benchmark, int Days, double MeanDifference, double Statistic, double PValue)
{
    public static DieboldMarianoTest Of(string forecast, string benchmark, IReadOnlyList<BacktestPrediction> rows, Func<BacktestPrediction, double> model, Func<BacktestPrediction, double> baseline)
    {
        var daily = rows.GroupBy(row => row.Day).OrderBy(g => g.Key)
            .Select(day => day.Average(row => Math.Abs(model(row) - row.Actual) - Math.Abs(baseline(row) - row.Actual))).ToArray();
        var (statistic, p) = ForecastEvaluation.DieboldMariano(daily, BacktestReport.DailyLags);
        return new DieboldMarianoTest(forecast, benchmark, daily.Length, Math.Round(daily.Average(), 4), Math.Round(statistic, 3), p);
    }
}

/// <summary>What a fold trained on and what its models learned.</summary>
public sealed record FoldSummary(
    BacktestFold Fold, int TrainRows, int TestRows, IReadOnlyDictionary<string, FoldModel> Models, IReadOnlyDictionary<string, double> EnsembleWeights, double Seconds,
    FoldDecisions? Decisions = null)
{
    public static FoldSummary Of(BacktestFoldResult result) =>
        new(result.Fold, result.TrainRows, result.Predictions.Count, result.Models, result.EnsembleWeights, result.Seconds, result.Decisions);
}

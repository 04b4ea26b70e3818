namespace Ercot.Desk.Data;

// What the desk reads from the services' APIs and the backtests' report.json: only the fields its pages show, in the
// services' own JSON shapes (web casing, enums by name, "NaN" for undefined metrics).

/// <summary>GET /forecast/day.</summary>
public sealed record DayForecast(DateOnly Date, IReadOnlyDictionary<string, string> ModelVersions, IReadOnlyList<PointForecast> Points);

public sealed record PointForecast(string SettlementPoint, IReadOnlyList<ForecastHour> Hours);

public sealed record ForecastHour(
    int HourEnding, bool DstFlag, DateTime DeliveryHourUtc, double Dart, double? P10, double? P90,
    IReadOnlyDictionary<string, double> Models, IReadOnlyList<string> MissingInputs);

/// <summary>GET /features/feeds.</summary>
public sealed record FeedStatus(string Table, DateTime? NewestUtc, TimeSpan AllowedLag, bool Stale, string? Late);

/// <summary>GET /features/builds.</summary>
public sealed record FeatureBuild(string Id, string State, DateOnly From, DateOnly To, DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, int Attempts, string? Error);

/// <summary>GET /training/runs.</summary>
public sealed record TrainingRun(string Id, string State, TrainingRunRequest Request, DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error);

public sealed record TrainingRunRequest(DateOnly From, DateOnly To, IReadOnlyList<string> Models);

/// <summary>GET /training/backtests and /training/backtests/{id}.</summary>
public sealed record BacktestJob(string Id, string State, BacktestRequest Request, DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, BacktestProgress? Progress, string? Error);

public sealed record BacktestRequest(DateOnly TrainFrom, DateOnly From, DateOnly To, IReadOnlyList<string> Models, string Refit,
    IReadOnlyList<string>? Points, double Cost, double? Theta, bool SizeByWidth);

public sealed record BacktestProgress(int FoldsDone, int Folds, string Stage);

/// <summary>A finished backtest's report.json.</summary>
public sealed record BacktestReport(
    string Id, BacktestRequest Request, int Rows, double Seconds, IReadOnlyList<string> Forecasts,
    IReadOnlyDictionary<string, SkillMetrics> Pooled,
    IReadOnlyDictionary<int, IReadOnlyDictionary<string, SkillMetrics>> PerHourEnding,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, SkillMetrics>> PerMonth,
    IReadOnlyList<DieboldMarianoTest> Tests,
    IReadOnlyList<FoldSummary> Folds,
    IntervalReport? Intervals,
    TradingReport? Trading)
{
    public const string Ensemble = "ensemble", Zero = "zero", Constant = "constant", WeekAgo = "week_ago", AlwaysInc = "always_inc";
}

public sealed record SkillMetrics(int Count, double Mae, double Rmse, double RmaeVsZero, double RmaeVsConstant, double SignAccuracy);

public sealed record DieboldMarianoTest(string Forecast, string Benchmark, int Days, double Statistic, double PValue);

public sealed record FoldSummary(BacktestFold Fold, int TrainRows, int TestRows, FoldDecisions? Decisions);

public sealed record BacktestFold(int Index, DateOnly TrainFrom, DateOnly TrainTo, DateOnly TestFrom, DateOnly TestTo);

public sealed record FoldDecisions(double Theta, double ConstantTheta);

public sealed record IntervalReport(IntervalMetrics Pooled, IReadOnlyDictionary<int, IntervalMetrics> PerHourEnding);

public sealed record IntervalMetrics(int Count, double Coverage, double MeanWidth, double UnconditionalCoverage, double UnconditionalWidth);

public sealed record TradingReport(double Cost, IReadOnlyDictionary<string, TradingMetrics> Pooled);

public sealed record TradingMetrics(int Hours, int HoursTraded, double Precision, double PnlPerMwh, double TotalPnl, double DailySharpe, double MaxDrawdown);

/// <summary>GET /models.</summary>
public sealed record ModelList(ChampionPointer Champions, IReadOnlyList<ModelVersion> Versions, IReadOnlyList<RegistryEvent> RecentHistory);

public sealed record ChampionPointer(IReadOnlyDictionary<string, ChampionEntry> Models);

public sealed record ChampionEntry(string Version, DateTimeOffset PromotedAt, double ValidationMae);

public sealed record ModelVersion(
    string Model, string Version, DateTimeOffset CreatedAt, string Role, string FeatureSchemaHash, DateRange Train, DateRange Validation,
    IReadOnlyDictionary<string, double> ValidationMetrics, IReadOnlyDictionary<string, double> TestMetrics, string? Decision, ChampionEvidence? Evidence);

public sealed record DateRange(DateOnly From, DateOnly To)
{
    public override string ToString() => $"{From:yyyy-MM-dd} – {To:yyyy-MM-dd}";
}

public sealed record ChampionEvidence(int Rows, int Days, double CandidateMae, double ZeroMae, double ConstantMae, double? ChampionMae, double? DmPValue);

public sealed record RegistryEvent(DateTimeOffset At, string Action, IReadOnlyList<ModelDecision> Decisions);

public sealed record ModelDecision(string Model, string Version, string? Reason);

/// <summary>GET /model/info: the feature schema the served models share.</summary>
public sealed record ModelInfo(string FeatureSchemaHash, IReadOnlyList<string> Features);

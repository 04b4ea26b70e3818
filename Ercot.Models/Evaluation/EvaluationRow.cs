namespace Ercot.Models.Evaluation;

/// <summary>One evaluated hour: where and when, the actual DART, and the DART of the same hour a week earlier (if known).</summary>
public sealed record EvaluationRow(string SettlementPoint, DateTime DeliveryHourUtc, int HourEnding, double Actual, double? WeekAgo);

/// <summary>A model's metrics overall, per settlement point and per hour ending.</summary>
public sealed record EvaluationReport(
    ForecastMetrics Overall,
    IReadOnlyDictionary<string, ForecastMetrics> PerSettlementPoint,
    IReadOnlyDictionary<int, ForecastMetrics> PerHourEnding);

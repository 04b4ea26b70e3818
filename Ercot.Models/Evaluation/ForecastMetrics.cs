namespace Ercot.Models.Evaluation;

/// <summary>
/// How a DART forecast did on a set of hours. MAE first (spikes dominate RMSE); rMAE against the zero
/// forecast and against the same hour one week earlier (over the hours that have one); a Diebold–Mariano
/// test of absolute errors against the zero forecast (negative statistic: the model is better).
/// </summary>
public sealed record ForecastMetrics(
    int Count,
    double Mae,
    double Rmse,
    double R2,
    double SignAccuracy,
    double RelativeMaeVsZero,
    double? RelativeMaeVsWeekAgo,
    double DieboldMarianoStatistic,
    double DieboldMarianoPValue);

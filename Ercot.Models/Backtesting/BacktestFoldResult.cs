using Ercot.Models.Forecasting;

namespace Ercot.Models.Backtesting;

/// <summary>
/// One finished fold, saved as <c>backtests/{id}/folds/{index}.json</c> so that a resumed backtest skips it: what
/// each model learned, the ensemble's weights, and every test hour's actual, forecasts and baselines.
/// </summary>
public sealed record BacktestFoldResult(
    BacktestFold Fold,
    int TrainRows,
    IReadOnlyDictionary<string, FoldModel> Models,
    IReadOnlyDictionary<string, double> EnsembleWeights,
    IReadOnlyList<BacktestPrediction> Predictions,
    double Seconds,
    FoldDecisions? Decisions = null);

/// <summary>
/// What a fold decided on its validation block, never on its test rows: the trading threshold θ of the ensemble
/// and of the constant, the interval's calibration, and the median validation interval width (the reference
/// when positions are sized by width).
/// </summary>
public sealed record FoldDecisions(double Theta, double ConstantTheta, ConformalInterval Interval, double ReferenceWidth);

/// <summary>What one model learned in a fold: the configuration the search chose and what each tried scored, iterations chosen on validation and trained, what it left out, its validation MAE.</summary>
public sealed record FoldModel(
    int ChosenIterations, int Iterations, IReadOnlyList<string> DroppedFeatures, double ValidationMae, double ConstantValidationMae, bool Served, double Seconds,
    string? Configuration = null, IReadOnlyList<CandidateResult>? Search = null);

/// <summary>
/// One test hour: the actual DART, each model's forecast (in request order), the ensemble and the baselines; the
/// ensemble's 80% interval and the training block's own per-point-and-hour 10–90% range (the unconditional
/// interval); the virtual positions (MW, + INC, − DEC) of the ensemble's and the constant's strategies.
/// </summary>
public sealed record BacktestPrediction(
    string Point, DateTime HourUtc, DateOnly Day, int HourEnding, double Actual, double[] Models, double Ensemble, double Constant, double? WeekAgo,
    double? P10 = null, double? P90 = null, double? UnconditionalP10 = null, double? UnconditionalP90 = null,
    double EnsemblePosition = 0, double ConstantPosition = 0);

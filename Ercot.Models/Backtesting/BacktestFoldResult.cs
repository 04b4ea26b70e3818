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
    double Seconds);

/// <summary>What one model learned in a fold: the configuration the search chose and what each tried scored, iterations chosen on validation and trained, what it left out, its validation MAE.</summary>
public sealed record FoldModel(
    int ChosenIterations, int Iterations, IReadOnlyList<string> DroppedFeatures, double ValidationMae, double ConstantValidationMae, bool Served, double Seconds,
    string? Configuration = null, IReadOnlyList<CandidateResult>? Search = null);

/// <summary>One test hour: the actual DART, each model's forecast (in request order), the ensemble and the baselines.</summary>
public sealed record BacktestPrediction(
    string Point, DateTime HourUtc, DateOnly Day, int HourEnding, double Actual, double[] Models, double Ensemble, double Constant, double? WeekAgo);

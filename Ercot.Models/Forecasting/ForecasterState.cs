namespace Ercot.Models.Forecasting;

/// <summary>
/// What a <see cref="DartForecaster"/> saves beside its family's file (<c>forecaster.json</c>): the family, the
/// input features (its own two appended), the features it left out and why, each group's coverage in training,
/// the target's level and scale, and the trees or epochs chosen on validation and refitted with.
/// </summary>
public sealed record ForecasterState(
    string Family,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> DroppedFeatures,
    IReadOnlyDictionary<string, double> GroupCoverage,
    TargetScale Target,
    int ChosenIterations,
    int Iterations,
    bool Refitted);

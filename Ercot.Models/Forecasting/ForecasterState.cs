namespace Ercot.Models.Forecasting;

/// <summary>
/// What a <see cref="DartForecaster"/> saves beside its family's file (<c>forecaster.json</c>): the family, the
/// input features (its own two appended), the features it left out and why, each group's coverage in training,
/// the target's level and scale, the configurations searched and the one chosen, the trees or epochs
/// chosen on validation and refitted with, and the 80% interval calibrated on its validation residuals
/// (absent from models saved before intervals).
/// </summary>
public sealed record ForecasterState(
    string Family,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> DroppedFeatures,
    IReadOnlyDictionary<string, double> GroupCoverage,
    TargetScale Target,
    int ChosenIterations,
    int Iterations,
    bool Refitted,
    string? Candidate = null,
    IReadOnlyList<CandidateResult>? Search = null,
    ConformalInterval? Interval = null);

/// <summary>One configuration tried in the search: the trees or epochs it early-stopped at and its validation MAE ($/MWh).</summary>
public sealed record CandidateResult(string Label, int Iterations, double ValidationMae);

/// <summary>A configuration of a family to try: its label and how to make it (with a count: exactly that many trees or epochs).</summary>
public sealed record FamilyCandidate(string Label, Func<int?, IDartModel> Create);

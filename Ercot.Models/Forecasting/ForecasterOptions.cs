namespace Ercot.Models.Forecasting;

/// <summary>
/// How a <see cref="DartForecaster"/> trains its family. Defaults: when no validation block is given, the last
/// <see cref="ValidationDays"/> days of the training block (a quarter, long enough for a stable choice) judge
/// early stopping; the family is then refitted on all of it with the chosen trees or epochs. With
/// <see cref="FixedIterations"/> (benchmarks), the default configuration trains exactly that many, without search.
/// </summary>
public sealed record ForecasterOptions(int ValidationDays = 91, bool Refit = true, IReadOnlySet<string>? UnavailableFeatures = null, int? FixedIterations = null)
{
    /// <summary>Fewest days a training window may span: the validation quarter and a week to train on.</summary>
    public const int MinimumTrainingDays = 91 + 7;

    public static ForecasterOptions Default { get; } = new();
}

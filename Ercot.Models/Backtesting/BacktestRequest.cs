using Ercot.Models.Forecasting;

namespace Ercot.Models.Backtesting;

/// <summary>How often a walk-forward refits: each calendar month, each week, or every so many days.</summary>
public enum RefitEvery
{
    Month,
    Week,
}

/// <summary>
/// A walk-forward backtest: test operating days <see cref="From"/>..<see cref="To"/>, cut into folds (a month or a
/// week each); each fold's models train on the data from <see cref="TrainFrom"/> (expanding window) or on the last
/// <see cref="WindowDays"/> days (fixed window) up to two days before the fold starts — the last day whose
/// real-time prices are complete at the fold's first gate. Early stopping uses the end of each training window.
/// Trading: a round-trip <see cref="Cost"/> per MWh, θ fixed by <see cref="Theta"/> or chosen on each fold's
/// validation block, positions of 1 MW or, with <see cref="SizeByWidth"/>, scaled by the interval's width.
/// </summary>
public sealed record BacktestRequest(
    DateOnly TrainFrom,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<string> Models,
    RefitEvery Refit = RefitEvery.Month,
    int? WindowDays = null,
    IReadOnlyList<string>? Points = null,
    double Cost = VirtualBids.DefaultCost,
    double? Theta = null,
    bool SizeByWidth = false)
{
    /// <summary>Largest round-trip cost and θ accepted, $/MWh.</summary>
    public const double MaximumCost = 100, MaximumTheta = 1000;

    /// <summary>Fewest days of training data a fold may have, and of test data a backtest may have.</summary>
    public const int MinimumDays = 7;

    /// <summary>The test folds in order; each trains up to two days before its start.</summary>
    public IReadOnlyList<BacktestFold> Folds()
    {
        var folds = new List<BacktestFold>();
        var start = From;
        while (start <= To)
        {
            var end = Refit == RefitEvery.Month ? new DateOnly(start.Year, start.Month, 1).AddMonths(1).AddDays(-1) : start.AddDays(6);
            end = end > To ? To : end;
            var trainTo = start.AddDays(-2);
            var trainFrom = WindowDays is { } days ? Max(TrainFrom, trainTo.AddDays(-days + 1)) : TrainFrom;
            folds.Add(new BacktestFold(folds.Count, trainFrom, trainTo, start, end));
            start = end.AddDays(1);
        }
        return folds;
    }

    /// <summary>What is wrong with the request, or null.</summary>
    public string? Problem()
    {
        if (Models.Count == 0)
        {
            return $"No model to backtest; choose from {string.Join(", ", DartModels.Names)}.";
        }
        if (Models.FirstOrDefault(model => !DartModels.Names.Contains(model)) is { } unknown)
        {
            return $"Unknown model '{unknown}'; known models: {string.Join(", ", DartModels.Names)}.";
        }
        if (!double.IsFinite(Cost) || Cost is < 0 or > MaximumCost)
        {
            return $"'cost' must be between 0 and {MaximumCost} $/MWh (the round-trip cost of a virtual bid); got {Cost}.";
        }
        if (Theta is { } theta && (!double.IsFinite(theta) || theta is < 0 or > MaximumTheta))
        {
            return $"'theta' must be between 0 and {MaximumTheta} $/MWh (the forecast DART beyond which a bid is made); got {theta}.";
        }
        if (To < From)
        {
            return $"'to' ({To:yyyy-MM-dd}) is before 'from' ({From:yyyy-MM-dd}).";
        }
        if (To.DayNumber - From.DayNumber + 1 < MinimumDays)
        {
            return $"The test range {From:yyyy-MM-dd}..{To:yyyy-MM-dd} has fewer than {MinimumDays} days.";
        }
        if (WindowDays is < ForecasterOptions.MinimumTrainingDays)
        {
            return $"A fixed window of {WindowDays} days is too short: at least {ForecasterOptions.MinimumTrainingDays} days (training plus the validation quarter).";
        }
        var first = Folds()[0];
        if (first.TrainTo.DayNumber - first.TrainFrom.DayNumber + 1 < ForecasterOptions.MinimumTrainingDays)
        {
            return $"The first fold would train on {first.TrainFrom:yyyy-MM-dd}..{first.TrainTo:yyyy-MM-dd} only; it needs at least " +
                   $"{ForecasterOptions.MinimumTrainingDays} days (a quarter to validate on and {MinimumDays} to train): start the training data earlier or the test later.";
        }
        return null;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

/// <summary>One fold: train on <see cref="TrainFrom"/>..<see cref="TrainTo"/>, test on <see cref="TestFrom"/>..<see cref="TestTo"/>.</summary>
public sealed record BacktestFold(int Index, DateOnly TrainFrom, DateOnly TrainTo, DateOnly TestFrom, DateOnly TestTo);

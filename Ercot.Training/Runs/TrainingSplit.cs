using Ercot.Models;
using Ercot.Core.Models;

namespace Ercot.Training.Runs;

/// <summary>
/// Time-ordered train, validation and test blocks, never random, with at least one whole day between
/// blocks so that no feature of a later block reaches into the hours of an earlier one's targets.
/// </summary>
public sealed record TrainingSplit(DateRange Train, DateRange Validation, DateRange Test)
{
    /// <summary>
    /// Blocks over <paramref name="from"/>..<paramref name="to"/>: test from <paramref name="testFrom"/> (default: the last
    /// <paramref name="testDays"/> days), validation from <paramref name="validationFrom"/> (default: the
    /// <paramref name="validationDays"/> days before it), each block ending the day before the gap day.
    /// </summary>
    public static TrainingSplit Of(DateOnly from, DateOnly to, DateOnly? validationFrom = null, DateOnly? testFrom = null, int validationDays = 30, int testDays = 30)
    {
        var test = testFrom ?? to.AddDays(-testDays + 1);
        var validation = validationFrom ?? test.AddDays(-1 - validationDays);
        var split = new TrainingSplit(
            new DateRange(from, validation.AddDays(-2)),
            new DateRange(validation, test.AddDays(-2)),
            new DateRange(test, to));
        return split.Problem() is { } problem ? throw new TrainingDataException(problem) : split;
    }

    public string? Problem()
    {
        foreach (var (name, range) in new[] { ("train", Train), ("validation", Validation), ("test", Test) })
        {
            if (range.To < range.From)
            {
                return $"The {name} block {range} is empty: give a longer range or move the block boundaries.";
            }
        }
        return Train.To.AddDays(1) < Validation.From && Validation.To.AddDays(1) < Test.From
            ? null
            : $"Blocks must be in time order with a day between them: train {Train}, validation {Validation}, test {Test}.";
    }
}

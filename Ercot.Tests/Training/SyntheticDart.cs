using Ercot.Models;

namespace Ercot.Tests.Training;

/// <summary>
/// A small dataset with a known signal: target = 3·x0 − 2·x1 + x2·x3 + noise, some values missing,
/// and the hour ending among the features as in the real schema.
/// </summary>
internal static class SyntheticDart
{
    public static readonly string[] Features = ["x0", "x1", "x2", "x3", "noise", "cal_hour_ending"];

    public static DartDataset Create(int rows, int seed, DateOnly firstDay)
    {
        var random = new Random(seed);
        var features = new float[rows * Features.Length];
        var target = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            var x = Enumerable.Range(0, Features.Length).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            x[5] = i / 2 % 24 + 1;
            target[i] = 3 * x[0] - 2 * x[1] + x[2] * x[3] + (float)(0.1 * (random.NextDouble() - 0.5));
            if (i % 17 == 0)
            {
                x[4] = float.NaN;
            }
            x.CopyTo(features, i * Features.Length);
        }
        var start = firstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(6);
        return new DartDataset(Features, features, target,
            [.. Enumerable.Range(0, rows).Select(i => i % 2 == 0 ? "HB_NORTH" : "HB_WEST")],
            [.. Enumerable.Range(0, rows).Select(i => start.AddHours(i / 2))],
            [.. Enumerable.Range(0, rows).Select(i => i / 2 % 24 + 1)],
            [.. Enumerable.Range(0, rows).Select(i => firstDay.AddDays(i / 48))],
            [.. Enumerable.Range(0, rows).Select(i => (double?)null)]);
    }
}

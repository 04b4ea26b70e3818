using Ercot.Models.Evaluation;

namespace Ercot.Tests.Training;

public sealed class ForecastEvaluationTests
{
    [Fact]
    public void Metrics_OfASmallCase_AreTheHandComputedOnes()
    {
        double[] actual = [1, -2, 3, -4];
        double[] predicted = [1.5, -1, 2, 1];
        double[] weekAgo = [double.NaN, -1, 0, -4];

        var metrics = ForecastEvaluation.Evaluate(actual, predicted, weekAgo);

        Assert.Equal(4, metrics.Count);
        Assert.Equal(1.875, metrics.Mae, 12);
        Assert.Equal(Math.Sqrt(27.25 / 4), metrics.Rmse, 12);
        Assert.Equal(1 - 27.25 / 29, metrics.R2, 12);
        Assert.Equal(0.75, metrics.SignAccuracy, 12);
        Assert.Equal(7.5 / 10, metrics.RelativeMaeVsZero, 12);
        Assert.Equal(7.0 / 4, metrics.RelativeMaeVsWeekAgo!.Value, 12);
    }

    [Fact]
    public void APerfectForecast_BeatsZero_WithAVanishingPValue()
    {
        var actual = Series(2_000, seed: 1);

        var metrics = ForecastEvaluation.Evaluate(actual, actual, Enumerable.Repeat(double.NaN, actual.Length).ToArray());

        Assert.Equal(0, metrics.Mae);
        Assert.Equal(1, metrics.R2, 12);
        Assert.Equal(1, metrics.SignAccuracy);
        Assert.Equal(0, metrics.RelativeMaeVsZero);
        Assert.Null(metrics.RelativeMaeVsWeekAgo);
        Assert.True(metrics.DieboldMarianoStatistic < -10);
        Assert.True(metrics.DieboldMarianoPValue < 1e-6);
    }

    [Fact]
    public void TheZeroForecast_IsNoBetterThanItself()
    {
        var actual = Series(500, seed: 2);

        var metrics = ForecastEvaluation.Evaluate(actual, new double[actual.Length], new double[actual.Length]);

        Assert.Equal(1, metrics.RelativeMaeVsZero, 12);
        Assert.Equal(0, metrics.DieboldMarianoStatistic);
        Assert.Equal(1, metrics.DieboldMarianoPValue);
    }

    [Fact]
    public void AForecastWithNoSkill_IsNotSignificant()
    {
        var actual = Series(5_000, seed: 3);
        var random = new Random(4);
        // Shrinks DART towards zero by a random factor around one: on average no better than zero.
        var predicted = actual.Select(value => value * (random.NextDouble() * 0.2 - 0.1)).ToArray();

        var metrics = ForecastEvaluation.Evaluate(actual, predicted, actual);

        Assert.InRange(metrics.RelativeMaeVsZero, 0.9, 1.1);
        Assert.True(metrics.DieboldMarianoPValue > 0.01, $"p = {metrics.DieboldMarianoPValue}");
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1.96, 0.9750021)]
    [InlineData(-1.0, 0.1586553)]
    [InlineData(3.0, 0.9986501)]
    public void NormalCdf_MatchesTheTables(double z, double expected)
    {
        Assert.Equal(expected, Normal.Cdf(z), 6);
        Assert.Equal(2 * (1 - Normal.Cdf(Math.Abs(z))), Normal.TwoSidedPValue(z), 6);
    }

    [Fact]
    public void EvaluateAll_BreaksMetricsDownByPointAndHourEnding()
    {
        var start = new DateTime(2024, 7, 1, 5, 0, 0, DateTimeKind.Utc);
        var rows = Enumerable.Range(0, 96)
            .Select(i => new EvaluationRow(i % 2 == 0 ? "HB_NORTH" : "HB_WEST", start.AddHours(i / 2), i / 2 % 24 + 1, Math.Sin(i), null))
            .ToList();

        var report = ForecastEvaluation.EvaluateAll(rows, rows.Select(row => row.Actual * 0.5).ToList());

        Assert.Equal(96, report.Overall.Count);
        Assert.Equal(["HB_NORTH", "HB_WEST"], report.PerSettlementPoint.Keys);
        Assert.Equal(24, report.PerHourEnding.Count);
        Assert.All(report.PerHourEnding.Values, metrics => Assert.Equal(4, metrics.Count));
        Assert.Equal(0.5, report.Overall.RelativeMaeVsZero, 12);
    }

    /// <summary>A fat-tailed, DART-like series: mostly small, now and then large.</summary>
    private static double[] Series(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (random.NextDouble() - 0.5) * 20 * (random.NextDouble() < 0.05 ? 20 : 1))];
    }
}

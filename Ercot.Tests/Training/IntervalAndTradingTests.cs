using Ercot.Models.Backtesting;
using Ercot.Models.Forecasting;

namespace Ercot.Tests.Training;

/// <summary>The 80% interval's calibration and the virtual-bid arithmetic, on data whose answers are known.</summary>
public sealed class IntervalAndTradingTests
{
    [Fact]
    public void ConformalIntervals_Cover80Percent_InEveryHour_AndFollowTheRowsVolatility()
    {
        // DART = forecast + scale × Laplace noise, the scale known to the row (its recent volatility) and different each hour.
        var (calibration, _) = Sample(48_000, seed: 1);
        var (fresh, scales) = Sample(96_000, seed: 2);

        var interval = ConformalInterval.Fit(calibration.Actual, calibration.Forecast, calibration.HourEnding, calibration.Scale);
        var covered = new int[24];
        var counts = new int[24];
        double calmWidth = 0, wildWidth = 0;
        for (var i = 0; i < fresh.Actual.Length; i++)
        {
            var (p10, p90) = interval.Around(fresh.Forecast[i], fresh.HourEnding[i], fresh.Scale[i]);
            counts[fresh.HourEnding[i] - 1]++;
            covered[fresh.HourEnding[i] - 1] += fresh.Actual[i] >= p10 && fresh.Actual[i] <= p90 ? 1 : 0;
            if (scales[i] < 3) calmWidth = Math.Max(calmWidth, p90 - p10);
            if (scales[i] > 15) wildWidth = wildWidth == 0 ? p90 - p10 : Math.Min(wildWidth, p90 - p10);
        }

        var pooled = (double)covered.Sum() / counts.Sum();
        Assert.Equal(1, interval.Exponent);
        Assert.InRange(pooled, 0.78, 0.82);
        Assert.All(Enumerable.Range(0, 24), h => Assert.InRange((double)covered[h] / counts[h], 0.75, 0.85));
        Assert.True(calmWidth < wildWidth, $"the widest calm interval ({calmWidth:F1}) should be narrower than the narrowest wild one ({wildWidth:F1})");
    }

    [Fact]
    public void AVolatilityThatSaysNothingAboutTheError_IsNotUsedToWidenTheInterval()
    {
        // The same Laplace errors as above, but the row's "volatility" is drawn independently of them.
        var (calibration, _) = Sample(48_000, seed: 1);
        var (fresh, _) = Sample(48_000, seed: 2);
        var random = new Random(3);
        float[] Shuffled(float[] scales) => [.. scales.OrderBy(_ => random.Next())];
        var uninformative = calibration with { Scale = Shuffled(calibration.Scale) };
        var proportional = ConformalInterval.Fit(uninformative.Actual, uninformative.Forecast, uninformative.HourEnding, uninformative.Scale);
        var plain = ConformalInterval.Fit(uninformative.Actual, uninformative.Forecast, uninformative.HourEnding, [.. uninformative.Scale.Select(_ => float.NaN)]);

        var freshScales = Shuffled(fresh.Scale);
        var covered = Enumerable.Range(0, fresh.Actual.Length).Count(i =>
        {
            var (p10, p90) = proportional.Around(fresh.Forecast[i], fresh.HourEnding[i], freshScales[i]);
            return fresh.Actual[i] >= p10 && fresh.Actual[i] <= p90;
        });

        Assert.Equal(0, proportional.Exponent);
        Assert.Equal(plain.High, proportional.High);
        Assert.InRange((double)covered / fresh.Actual.Length, 0.78, 0.82);
    }

    [Fact]
    public void ATrainedModel_CarriesItsInterval_ThroughSaveAndLoad_AndItCovers80PercentOfFreshRows()
    {
        // The synthetic signal plus Laplace noise of scale 2: a known distribution the trees cannot learn away.
        var train = Noisy(SyntheticDart.Create(6_000, 1, new(2024, 1, 1)), seed: 11);
        var validation = Noisy(SyntheticDart.Create(4_000, 2, new(2024, 5, 1)), seed: 12);
        var fresh = Noisy(SyntheticDart.Create(6_000, 3, new(2024, 8, 1)), seed: 13);
        using var model = (DartForecaster)Ercot.Models.DartModels.Create(Ercot.Models.LightGbmDartModel.ModelName);
        model.Train(train, validation, 1, CancellationToken.None);
        using var saved = new MemoryStream();
        model.Save(saved);
        saved.Position = 0;
        using var loaded = (DartForecaster)Ercot.Models.DartModels.Load(Ercot.Models.LightGbmDartModel.ModelName, saved, SyntheticDart.Features.Length);

        var forecasts = loaded.Predict(fresh);
        var covered = 0;
        var widths = new List<double>();
        for (var i = 0; i < fresh.Count; i++)
        {
            var (p10, p90) = loaded.Interval(forecasts[i], fresh.Row(i), fresh.HourEndings[i])!.Value;
            Assert.Equal(model.Interval(forecasts[i], fresh.Row(i), fresh.HourEndings[i]), (p10, p90));
            Assert.True(p10 <= forecasts[i] && forecasts[i] <= p90, $"row {i}: {p10} .. {forecasts[i]} .. {p90}");
            covered += fresh.Target[i] >= p10 && fresh.Target[i] <= p90 ? 1 : 0;
            widths.Add(p90 - p10);
        }

        // Laplace(0, 2): the central 80% is ±2·ln 5 = ±3.2 wide; the model's own error widens it a little.
        Assert.InRange((double)covered / fresh.Count, 0.76, 0.86);
        Assert.InRange(widths.Average(), 6.0, 8.5);
    }

    private static Ercot.Models.DartDataset Noisy(Ercot.Models.DartDataset rows, int seed)
    {
        var random = new Random(seed);
        var target = rows.Target.Select(value => value + (float)(-2 * Math.Sign(random.NextDouble() - 0.5) * Math.Log(1 - 2 * Math.Abs(random.NextDouble() - 0.5)))).ToArray();
        return rows.With(rows.FeatureNames, rows.Features, target);
    }

    [Fact]
    public void VirtualBids_EarnDartOnInc_MinusDartOnDec_PayTheCostPerMwh_AndSkipInsideTheta()
    {
        var day1 = new DateOnly(2025, 6, 1);
        var day2 = day1.AddDays(1);
        (DateOnly Day, double Forecast, double Actual)[] hours =
        [
            (day1, 5, 10),   // INC: +10 − 0.5
            (day1, -3, -4),  // DEC: +4 − 0.5
            (day1, 1, 20),   // |1| ≤ θ: no trade
            (day2, 4, -6),   // INC, wrong sign: −6 − 0.5
        ];

        var metrics = TradingMetrics.Of([.. hours.Select(h => (h.Day, VirtualBids.Position(h.Forecast, theta: 2), h.Actual))], cost: 0.5);

        Assert.Equal([1.0, -1.0, 0.0, 1.0], hours.Select(h => VirtualBids.Position(h.Forecast, 2)));
        Assert.Equal(4, metrics.Hours);
        Assert.Equal(3, metrics.HoursTraded);
        Assert.Equal(0.6667, metrics.Precision);
        Assert.Equal(6.5, metrics.TotalPnl);            // 9.5 + 3.5 − 6.5
        Assert.Equal(2.1667, metrics.PnlPerMwh);
        Assert.Equal(6.5, metrics.MaxDrawdown);         // day 1 +13, day 2 −6.5
        Assert.Equal(Math.Round(3.25 / Math.Sqrt(2 * 9.75 * 9.75), 4), metrics.DailySharpe);
    }

    [Fact]
    public void Theta_IsTheGridValueThatEarnsMostOnTheRowsGiven()
    {
        // Small forecasts are noise here (their sign is wrong); only those beyond 4 $/MWh are right.
        double[] forecast = [0.5, -0.8, 1.2, 6, -7, 9, -0.3, 5];
        double[] actual = [-10, 10, -10, 12, -9, 15, 8, 11];

        var theta = VirtualBids.ChooseTheta(forecast, actual, cost: 0.5);

        // Every θ in [1.2, 5) earns the same 45 $; on a tie the larger: fewer trades for the same money.
        Assert.Equal(4, theta);
    }

    private static ((double[] Actual, double[] Forecast, int[] HourEnding, float[] Scale) Rows, double[] TrueScale) Sample(int count, int seed)
    {
        var random = new Random(seed);
        var actual = new double[count];
        var forecast = new double[count];
        var hours = new int[count];
        var observed = new float[count];
        var scales = new double[count];
        for (var i = 0; i < count; i++)
        {
            hours[i] = i % 24 + 1;
            scales[i] = (1 + hours[i] / 6.0) * (random.NextDouble() < 0.5 ? 1 : 8) * (0.5 + random.NextDouble());
            forecast[i] = random.NextDouble() * 20 - 10;
            var u = random.NextDouble() - 0.5;
            actual[i] = forecast[i] - scales[i] * Math.Sign(u) * Math.Log(1 - 2 * Math.Abs(u));
            observed[i] = (float)scales[i];
        }
        return ((actual, forecast, hours, observed), scales);
    }
}

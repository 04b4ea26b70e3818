using Ercot.Core.Storage;
using Ercot.Models;
using Ercot.Models.Backtesting;
using Ercot.Tests.Infrastructure;

namespace Ercot.Tests.Training;

public sealed class BacktestRunnerTests : IDisposable
{
    private static readonly DateOnly Start = new(2024, 1, 1);
    private static readonly string[] Boosters = ["lightgbm", "xgboost"];
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);
    private readonly TemporaryFolder _folder = new();

    private static DartDataset Data() => SyntheticDart.Create(200 * 48, seed: 5, Start);

    private static BacktestRequest Weekly(DateOnly from, DateOnly to) => new(Start, from, to, Boosters, RefitEvery.Week);

    private BacktestRunner Runner(Action<BacktestFold, DartDataset>? onTraining = null)
    {
        var store = new LocalArtifactStore(_folder.Path);
        return new BacktestRunner(new FeatureStoreReader(store), store) { OnTraining = onTraining };
    }

    [Fact]
    public async Task NoFold_TrainsOnARowOnOrAfterItsTestStart_AndItsForecastsIgnoreEverythingFromThere()
    {
        var data = Data();
        var request = Weekly(Start.AddDays(110), Start.AddDays(130));
        var seen = new List<(BacktestFold Fold, DateOnly First, DateOnly Last)>();

        var report = await Runner((fold, train) => seen.Add((fold, train.Days.Min(), train.Days.Max()))).RunAsync("a", request, data);
        // The future rewritten: every target from the first fold's start on, every feature after its end.
        var fold = request.Folds()[0];
        var scrambled = Scramble(data, fold.TestFrom, fold.TestTo);
        var again = await Runner().RunAsync("b", Weekly(fold.TestFrom, fold.TestTo), scrambled);

        Assert.Equal(request.Folds().Count, seen.Count);
        Assert.All(seen, pair => Assert.True(pair.Last < pair.Fold.TestFrom.AddDays(-1) && pair.First >= pair.Fold.TrainFrom,
            $"fold {pair.Fold.Index} trained on {pair.First}..{pair.Last} for a test starting {pair.Fold.TestFrom}"));
        var original = await FoldAsync("a", 0);
        var rerun = await FoldAsync("b", 0);
        Assert.Equal(original.Predictions.Select(row => row.Models), rerun.Predictions.Select(row => row.Models));
        Assert.Equal(original.Predictions.Select(row => row.Ensemble), rerun.Predictions.Select(row => row.Ensemble));
        // θ and the interval's calibration come from validation rows, never from the test block.
        Assert.Equal(original.Decisions!.Theta, rerun.Decisions!.Theta);
        Assert.Equal(original.Decisions.Interval.Low, rerun.Decisions.Interval.Low);
        Assert.Equal(original.Predictions.Select(row => (row.P10, row.P90, row.EnsemblePosition)), rerun.Predictions.Select(row => (row.P10, row.P90, row.EnsemblePosition)));
        Assert.NotEqual(original.Predictions.Select(row => row.Actual), rerun.Predictions.Select(row => row.Actual));
        Assert.True(report.Pooled["ensemble"].RmaeVsConstant < 0.9, $"the synthetic signal is learnable; got {report.Pooled["ensemble"].RmaeVsConstant}");
    }

    [Fact]
    public async Task ABacktest_WritesPredictionsAndReports_AndResumesFromItsFinishedFolds()
    {
        var data = Data();
        var request = Weekly(Start.AddDays(120), Start.AddDays(133));
        await Runner().RunAsync("r", request, data);
        File.Delete(Path.Combine(_folder.Path, "backtests", "r", "report.md"));
        var trained = 0;

        var report = await Runner((_, _) => trained++).RunAsync("r", request, data);

        Assert.Equal(0, trained);
        foreach (var file in new[] { "predictions.parquet", "report.json", "report.md" })
        {
            Assert.True(File.Exists(Path.Combine(_folder.Path, "backtests", "r", file)), file);
        }
        Assert.Equal(["lightgbm", "xgboost", "ensemble", "constant", "week_ago", "zero"], report.Forecasts);
        Assert.Equal(14 * 48, report.Rows);
        Assert.Equal(4, report.Tests.Count(test => test.Forecast != "ensemble"));
        Assert.Contains("| ensemble | constant |", await File.ReadAllTextAsync(Path.Combine(_folder.Path, "backtests", "r", "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameBacktestTwice_WritesTheSamePredictionBytes()
    {
        var data = Data();
        var request = Weekly(Start.AddDays(120), Start.AddDays(133));

        await Runner().RunAsync("once", request, data);
        await Runner().RunAsync("twice", request, data);

        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(_folder.Path, "backtests", "once", "predictions.parquet")),
            await File.ReadAllBytesAsync(Path.Combine(_folder.Path, "backtests", "twice", "predictions.parquet")));
    }

    [Theory]
    [InlineData(-0.1, null, "'cost' must be between 0 and 100")]
    [InlineData(0.5, 5000.0, "'theta' must be between 0 and 1000")]
    [InlineData(double.NaN, null, "'cost'")]
    public async Task ACostOrThetaOutOfRange_IsRefused_NamingTheField(double cost, double? theta, string expected)
    {
        var request = Weekly(Start.AddDays(120), Start.AddDays(133)) with { Cost = cost, Theta = theta };

        var error = await Assert.ThrowsAsync<TrainingDataException>(() => Runner().RunAsync("bad", request, Data()));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryBacktest_ReportsItsIntervalsAndTheStrategies_OnTheSameHours()
    {
        var report = await Runner().RunAsync("t", Weekly(Start.AddDays(120), Start.AddDays(133)), Data());

        Assert.Equal(report.Rows, report.Intervals!.Pooled.Count);
        Assert.Equal(24, report.Intervals.PerHourEnding.Count);
        // Calibrated on the early-stopped models' validation errors, the refitted ones do better: the synthetic fold over-covers.
        Assert.InRange(report.Intervals.Pooled.Coverage, 0.6, 1.0);
        Assert.True(report.Intervals.Pooled.MeanWidth > 0);
        Assert.Equal(["ensemble", "constant", "always_inc", "zero"], report.Trading!.Pooled.Keys);
        Assert.All(report.Trading.Pooled.Values, metrics => Assert.Equal(report.Rows, metrics.Hours));
        Assert.Equal(0, report.Trading.Pooled["zero"].HoursTraded);
        Assert.Equal(report.Rows, report.Trading.Pooled["always_inc"].HoursTraded);
        // The synthetic target is learnable, so the ensemble's bids earn more than always INC.
        Assert.True(report.Trading.Pooled["ensemble"].TotalPnl > report.Trading.Pooled["always_inc"].TotalPnl);
        var markdown = await File.ReadAllTextAsync(Path.Combine(_folder.Path, "backtests", "t", "report.md"));
        Assert.Contains("## Trading (1 MW virtual bids", markdown, StringComparison.Ordinal);
        Assert.Contains("## 80% intervals by hour ending", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lightgbm,catboost", 120, 140, null, "Unknown model 'catboost'")]
    [InlineData("lightgbm", 50, 70, null, "needs at least 98")]
    [InlineData("lightgbm", 120, 123, null, "fewer than 7 days")]
    [InlineData("lightgbm", 120, 140, "HB_NORTH,HB_NOWHERE", "HB_NOWHERE")]
    [InlineData("lightgbm", 190, 230, null, "has no hour with a target")]
    public async Task ABadBacktest_IsRefused_NamingTheCause(string models, int from, int to, string? points, string expected)
    {
        var request = new BacktestRequest(Start, Start.AddDays(from), Start.AddDays(to), models.Split(','), RefitEvery.Week, null, points?.Split(','));

        var error = await Assert.ThrowsAsync<TrainingDataException>(() => Runner().RunAsync("bad", request, Data()));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "backtests", "bad")));
    }

    private async Task<BacktestFoldResult> FoldAsync(string id, int index) =>
        System.Text.Json.JsonSerializer.Deserialize<BacktestFoldResult>(
            await File.ReadAllTextAsync(Path.Combine(_folder.Path, "backtests", id, "folds", $"{index:D3}.json")), Json)!;

    /// <summary>The rows with every target from <paramref name="from"/> on, and every known feature value after <paramref name="to"/>, replaced.</summary>
    private static DartDataset Scramble(DartDataset data, DateOnly from, DateOnly to)
    {
        var features = (float[])data.Features.Clone();
        var target = (float[])data.Target.Clone();
        for (var i = 0; i < data.Count; i++)
        {
            if (data.Days[i] >= from)
            {
                target[i] = target[i] * -7 + 500;
            }
            if (data.Days[i] > to)
            {
                for (var f = 0; f < data.FeatureCount; f++)
                {
                    var k = i * data.FeatureCount + f;
                    features[k] = data.FeatureNames[f] == "cal_hour_ending" || float.IsNaN(features[k]) ? features[k] : features[k] * 3 + 11;
                }
            }
        }
        return data.With(data.FeatureNames, features, target);
    }

    public void Dispose() => _folder.Dispose();
}

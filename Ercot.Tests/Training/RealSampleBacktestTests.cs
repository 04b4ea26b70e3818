using Ercot.Core.Import;
using Ercot.Core.Sources;
using Ercot.Core.Storage;
using Ercot.Features.Pipeline;
using Ercot.Models;
using Ercot.Models.Backtesting;
using Ercot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ercot.Tests.Training;

/// <summary>
/// The walk-forward backtest on the real sample, as <c>bench/backtest.sh</c> runs it, over one quarter to keep
/// the suite quick: the whole sample imported, features for its 15 points, LightGBM and XGBoost refitted
/// monthly on an expanding window from 2024-01-01. The quarter is Q2 2025, where the models have shown skill
/// over the per-point constant; Q4 2024 and Q1 2025 do not clear this floor (their figures are in the
/// forecast-skill issue), so this guards what was gained rather than proving skill everywhere.
/// </summary>
public sealed class RealSampleBacktestTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [SkippableFact(Timeout = 600_000)]
    public async Task Q2Of2025_TheEnsembleBeatsTheConstant_AndZero_WithDieboldMariano()
    {
        Skip.IfNot(SharedData.IsPresent, SharedData.SkipReason);
        var store = new DuckDbErcotStore(Path.Combine(_folder.Path, "real.duckdb"));
        await store.InitializeAsync();
        await new ErcotImporter(store).ImportAsync([SharedData.Folder]);
        var artifacts = new LocalArtifactStore(Path.Combine(_folder.Path, "artifacts"));
        await new FeatureBuilder(store, artifacts, TimeProvider.System, NullLogger<FeatureBuilder>.Instance)
            .BuildAsync(new FeatureBuildRequest(new(2024, 1, 1), new(2025, 6, 30)));

        var report = await new BacktestRunner(new FeatureStoreReader(artifacts), artifacts).RunAsync("q2-2025",
            new BacktestRequest(new(2024, 1, 1), new(2025, 4, 1), new(2025, 6, 30), ["lightgbm", "xgboost"]));

        Assert.Equal(15, report.PerPoint.Count);
        var ensemble = report.Pooled[BacktestReport.Ensemble];
        Assert.True(ensemble.RmaeVsConstant < 1 && ensemble.RmaeVsZero < 1, $"ensemble rMAE {ensemble.RmaeVsZero} × zero, {ensemble.RmaeVsConstant} × constant");
        // Far better than zero would be the leakage alarm, not a success.
        Assert.True(ensemble.RmaeVsZero > 0.93, $"ensemble rMAE {ensemble.RmaeVsZero} × zero: presumed leakage");
        var constant = report.Tests.Single(test => test is { Forecast: BacktestReport.Ensemble, Benchmark: BacktestReport.Constant });
        var zero = report.Tests.Single(test => test is { Forecast: BacktestReport.Ensemble, Benchmark: BacktestReport.Zero });
        Assert.True(constant.Statistic < 0 && constant.PValue < 0.05, $"against the constant: DM {constant.Statistic}, p {constant.PValue}");
        Assert.True(zero.Statistic < 0 && zero.PValue < 0.01, $"against zero: DM {zero.Statistic}, p {zero.PValue}");
    }

    public void Dispose() => _folder.Dispose();
}

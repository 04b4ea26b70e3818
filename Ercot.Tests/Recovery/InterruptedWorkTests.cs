using Ercot.Core.Sources;
using Ercot.Core.Storage;
using Ercot.Features.Pipeline;
using Ercot.Models;
using Ercot.Models.Backtesting;
using Ercot.Tests.Infrastructure;
using Ercot.Training.Backtests;
using Ercot.Training.Runs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ercot.Tests.Recovery;

/// <summary>
/// A service that died mid-job comes back and settles what it left: the statuses a previous process left Running are
/// marked Failed as interrupted, the ones left Queued run, and work folders no build holds are removed. The previous
/// process is played by statuses written before the service starts, as a crash leaves them.
/// </summary>
public sealed class InterruptedWorkTests
{
    private static readonly DateTimeOffset Earlier = DateTimeOffset.UtcNow.AddMinutes(-5);

    [Fact(Timeout = 120_000)]
    public async Task Training_AfterARestart_FailsWhatWasRunning_AndRunsWhatWasQueued()
    {
        using var folder = new TemporaryFolder();
        var artifacts = new LocalArtifactStore(folder.Path);
        var runs = new TrainingRunStore(artifacts);
        var backtests = new BacktestJobStore(artifacts);
        var request = new TrainingRequest(new(2024, 1, 1), new(2024, 5, 31), DartModels.Names);
        await runs.SaveAsync(new TrainingRunStatus("20240101T000000-running", TrainingRunState.Running, request, Earlier, StartedAt: Earlier));
        await runs.SaveAsync(new TrainingRunStatus("20240101T000001-queued", TrainingRunState.Queued, request, Earlier));
        await runs.SaveAsync(new TrainingRunStatus("20240101T000002-done", TrainingRunState.Succeeded, request, Earlier, Earlier, Earlier));
        var backtest = new BacktestRequest(new(2024, 1, 1), new(2024, 5, 6), new(2024, 5, 19), ["lightgbm"]);
        await backtests.SaveAsync(new BacktestJobStatus("20240101T000003-backtest", TrainingRunState.Running, backtest, Earlier, Earlier));

        using var service = new WebApplicationFactory<TrainingRunStore>().WithWebHostBuilder(builder =>
            builder.UseSetting($"{ArtifactStoreOptions.SectionName}:{nameof(ArtifactStoreOptions.Root)}", folder.Path));
        _ = service.Server;

        var running = await UntilAsync(() => runs.FindAsync("20240101T000000-running"), status => status!.State != TrainingRunState.Running);
        var queued = await UntilAsync(() => runs.FindAsync("20240101T000001-queued"), status => status!.State is not (TrainingRunState.Queued or TrainingRunState.Running));
        var interruptedBacktest = await UntilAsync(() => backtests.FindAsync("20240101T000003-backtest"), status => status!.State != TrainingRunState.Running);
        var done = await runs.FindAsync("20240101T000002-done");

        Assert.Equal(TrainingRunState.Failed, running!.State);
        Assert.Equal(InterruptedJobs.Interrupted, running.Error);
        Assert.NotNull(running.FinishedAt);
        Assert.Equal(TrainingRunState.Failed, interruptedBacktest!.State);
        Assert.Equal(InterruptedJobs.Interrupted, interruptedBacktest.Error);
        // The queued run was run: with no features in this store it fails, saying so, not as interrupted.
        Assert.Equal(TrainingRunState.Failed, queued!.State);
        Assert.NotEqual(InterruptedJobs.Interrupted, queued.Error);
        Assert.NotNull(queued.StartedAt);
        Assert.Equal(TrainingRunState.Succeeded, done!.State);
    }

    [Fact(Timeout = 120_000)]
    public async Task Features_AfterARestart_FailsTheBuildThatWasRunning_RunsTheQueuedOne_AndRemovesAbandonedWorkFolders()
    {
        using var folder = new TemporaryFolder();
        var statuses = new FeatureBuildStatusStore(new LocalArtifactStore(Path.Combine(folder.Path, "artifacts")));
        var running = Guid.NewGuid().ToString("N");
        var queued = Guid.NewGuid().ToString("N");
        await statuses.SaveAsync(new FeatureBuildStatus(running, FeatureBuildState.Running, new(2024, 7, 1), new(2024, 7, 31), Earlier, Earlier, Attempts: 1));
        await statuses.SaveAsync(new FeatureBuildStatus(queued, FeatureBuildState.Queued, new(2024, 7, 1), new(2024, 7, 2), Earlier));
        var abandoned = Path.Combine(FeatureWorkFolders.Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(abandoned, "spill"));
        await File.WriteAllBytesAsync(Path.Combine(abandoned, "spill", "stage.tmp"), new byte[1024]);
        using var held = FeatureWorkFolders.Create();

        using var service = new WebApplicationFactory<FeatureBuildStatusStore>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting($"{ArtifactStoreOptions.SectionName}:{nameof(ArtifactStoreOptions.Root)}", Path.Combine(folder.Path, "artifacts"));
            builder.UseSetting($"{ErcotStoreOptions.SectionName}:{nameof(ErcotStoreOptions.DuckDbPath)}", Path.Combine(folder.Path, "empty.duckdb"));
            builder.UseSetting("Features:BuildRetries", "0");
        });
        _ = service.Server;

        var interrupted = await UntilAsync(() => statuses.FindAsync(running), status => status!.State != FeatureBuildState.Running);
        var rerun = await UntilAsync(() => statuses.FindAsync(queued), status => status!.State is not (FeatureBuildState.Queued or FeatureBuildState.Running));

        Assert.Equal(FeatureBuildState.Failed, interrupted!.State);
        Assert.Contains("Interrupted by a restart", interrupted.Error, StringComparison.Ordinal);
        Assert.NotNull(interrupted.FinishedAt);
        // The queued build ran: with no source store here it fails naming why, not as interrupted.
        Assert.Equal(FeatureBuildState.Failed, rerun!.State);
        Assert.Equal(1, rerun.Attempts);
        Assert.Contains("empty.duckdb", rerun.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(abandoned), "the folder a crashed build left is removed");
        Assert.True(Directory.Exists(held.Path), "the folder of a build still running is kept");
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        T value;
        while (!done(value = await read()) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        return value;
    }
}

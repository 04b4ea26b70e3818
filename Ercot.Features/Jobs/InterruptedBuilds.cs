using Ercot.Features.Pipeline;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Ercot.Features.Jobs;

/// <summary>
/// At start, settles the builds a previous process of this service owned and lost. With the in-memory job store a
/// restart forgets every job: a build left Running is marked Failed ("interrupted by a restart"), one left Queued is
/// queued again. With a shared job store Hangfire itself runs interrupted jobs again, so their statuses are left to
/// it. Either way, work folders that no running build holds are removed.
/// </summary>
internal sealed partial class InterruptedBuilds(
    FeatureBuildStatusStore statuses, IBackgroundJobClient jobs, IOptions<FeaturesOptions> options, TimeProvider time, ILogger<InterruptedBuilds> logger)
    : BackgroundService
{
    public const string Interrupted = "Interrupted by a restart of the Features service while it ran; queue the build again.";

    private readonly DateTimeOffset _started = time.GetUtcNow();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var removed = FeatureWorkFolders.RemoveAbandoned();
        if (removed > 0)
        {
            LogFoldersRemoved(logger, removed, FeatureWorkFolders.Root);
        }
        if (options.Value.JobStore != JobStoreKind.InMemory)
        {
            return;
        }
        // Only statuses written before this process started: a build requested of this process is its own.
        foreach (var status in (await statuses.UnfinishedAsync(stoppingToken)).Where(status => status.RequestedAt < _started))
        {
            if (status.State == FeatureBuildState.Running)
            {
                await statuses.SaveAsync(status with { State = FeatureBuildState.Failed, FinishedAt = time.GetUtcNow(), Error = Interrupted }, stoppingToken);
                LogFailed(logger, status.Id, status.From, status.To);
            }
            else
            {
                jobs.Enqueue<FeatureBuildJob>(job => job.BuildAsync(status.Id, FeatureBuildJob.Format(status.From), FeatureBuildJob.Format(status.To), CancellationToken.None));
                LogRequeued(logger, status.Id, status.From, status.To);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feature build {BuildId} ({From}..{To}) was running when the service stopped; marked Failed")]
    private static partial void LogFailed(ILogger logger, string buildId, DateOnly from, DateOnly to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feature build {BuildId} ({From}..{To}) was queued when the service stopped; queued again")]
    private static partial void LogRequeued(ILogger logger, string buildId, DateOnly from, DateOnly to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} abandoned feature work folder(s) under {Root}")]
    private static partial void LogFoldersRemoved(ILogger logger, int count, string root);
}

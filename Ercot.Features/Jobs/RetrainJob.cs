using Ercot.Core.Models;
using Ercot.Core.Storage;
using Ercot.Core.Time;
using Ercot.Features.Pipeline;
using Hangfire;

namespace Ercot.Features.Jobs;

/// <summary>
/// The recurring <c>retrain</c> job: first every month of the training window that the feature store lacks or holds
/// only in part is built, then today and tomorrow (so models learn from the latest hours), then a training run of the
/// last two years through the Training service. A month that cannot be built (no source data) is logged and left to
/// the run, whose status names the months it had no rows for.
/// </summary>
public sealed partial class RetrainJob(FeatureBuildJob builds, TrainingClient training, IArtifactStore artifacts, TimeProvider time, ILogger<RetrainJob> logger)
{
    public const string RecurringJobId = "retrain";

    [DisableConcurrentExecution(timeoutInSeconds: 2 * 60 * 60)]
    public async Task RetrainAsync(CancellationToken cancellationToken)
    {
        var today = ErcotTime.ToErcotHour(time.GetUtcNow().UtcDateTime).DeliveryDate;
        var window = TrainingWindow.Default(today);
        foreach (var (from, to) in await FeatureCoverage.RangesToBuildAsync(artifacts, window.From, window.To, cancellationToken))
        {
            LogBuildingGap(logger, from, to);
            try
            {
                await builds.BuildAsync(Guid.NewGuid().ToString("N"), FeatureBuildJob.Format(from), FeatureBuildJob.Format(to), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogGapFailed(logger, from, to, e.Message);
            }
        }
        await builds.BuildScheduledAsync(cancellationToken);
        await training.StartRunAsync(window, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrain: building the features of {From}..{To}, missing or stale in the training window")]
    private static partial void LogBuildingGap(ILogger logger, DateOnly from, DateOnly to);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retrain: the features of {From}..{To} could not be built ({Reason}); training without them")]
    private static partial void LogGapFailed(ILogger logger, DateOnly from, DateOnly to, string reason);
}

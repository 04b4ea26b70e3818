using Ercot.Core.Models;
using Ercot.Core.Time;
using Hangfire;

namespace Ercot.Features.Jobs;

/// <summary>
/// The recurring <c>retrain</c> job: a feature build first (so models learn from the latest hours),
/// then a training run of the last two years through the Training service.
/// </summary>
public sealed class RetrainJob(FeatureBuildJob builds, TrainingClient training, TimeProvider time)
{
    public const string RecurringJobId = "retrain";

    [DisableConcurrentExecution(timeoutInSeconds: 2 * 60 * 60)]
    public async Task RetrainAsync(CancellationToken cancellationToken)
    {
        await builds.BuildScheduledAsync(cancellationToken);
        var today = ErcotTime.ToErcotHour(time.GetUtcNow().UtcDateTime).DeliveryDate;
        await training.StartRunAsync(TrainingWindow.Default(today), cancellationToken);
    }
}

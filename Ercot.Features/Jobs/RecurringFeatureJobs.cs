using Hangfire;
using Microsoft.Extensions.Options;

namespace Ercot.Features.Jobs;

/// <summary>Registers the recurring jobs, in one place, with their cron and time zone from <see cref="FeaturesOptions"/>.</summary>
internal sealed class RecurringFeatureJobs(IRecurringJobManager jobs, IOptions<FeaturesOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        jobs.AddOrUpdate<FeatureBuildJob>(
            FeatureBuildJob.RecurringJobId,
            job => job.BuildScheduledAsync(CancellationToken.None),
            settings.BuildCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone) });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

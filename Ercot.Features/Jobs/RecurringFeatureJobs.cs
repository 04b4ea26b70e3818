using Hangfire;
using Microsoft.Extensions.Options;

namespace Ercot.Features.Jobs;

/// <summary>Registers the recurring jobs, in one place, with their cron and time zone from <see cref="FeaturesOptions"/>.</summary>
internal sealed class RecurringFeatureJobs(IRecurringJobManager jobs, IOptions<FeaturesOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var zone = new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone) };
        jobs.AddOrUpdate<FeatureBuildJob>(FeatureBuildJob.RecurringJobId, job => job.BuildScheduledAsync(CancellationToken.None), settings.BuildCron, zone);
        jobs.AddOrUpdate<DailyCycleJobs>(DailyCycleJobs.IssueJobId, job => job.IssueNextDayAsync(CancellationToken.None), settings.IssueCron, zone);
        jobs.AddOrUpdate<DailyCycleJobs>(DailyCycleJobs.ScoreJobId, job => job.ScoreAsync(CancellationToken.None), settings.ScoreCron, zone);
        jobs.AddOrUpdate<RetrainJob>(RetrainJob.RecurringJobId, job => job.RetrainAsync(CancellationToken.None), settings.RetrainCron, zone);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

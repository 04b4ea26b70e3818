using Ercot.Core.Storage;
using Ercot.Features.Extensions;
using Ercot.Features.Jobs;
using Ercot.Features.Pipeline;
using Ercot.Tests.Core.Simulation;
using Ercot.Tests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ercot.Tests.Features;

/// <summary>The Features service's jobs on a real PostgreSQL job store (started by ./test.sh).</summary>
public sealed class HangfirePostgreSqlTests : IDisposable
{
    private readonly TemporaryFolder _artifacts = new();

    [SkippableFact(Timeout = 180_000)]
    public async Task Jobs_OnPostgreSql_RegisterTheSchedule_AndRunQueuedBuildsOneAtATime()
    {
        Skip.If(TestEnvironment.PostgresConnectionString is null, TestEnvironment.SkipReasonWithoutPostgres);
        using var simulation = await SimulatedStore.CreateAsync(new(2024, 5, 20), new(2024, 7, 3), "2", seed: 23);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Features:JobStore"] = "PostgreSql",
            ["ConnectionStrings:hangfire"] = TestEnvironment.PostgresConnectionString,
            ["ArtifactStore:Root"] = _artifacts.Path,
            ["ErcotStore:DuckDbPath"] = simulation.DatabasePath,
        });
        builder.AddApplicationServices();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            using (var connection = host.Services.GetRequiredService<JobStorage>().GetConnection())
            {
                var recurring = Assert.Single(connection.GetRecurringJobs(), job => job.Id == FeatureBuildJob.RecurringJobId);
                Assert.Equal("15 9 * * *", recurring.Cron);
                Assert.Equal("America/Chicago", recurring.TimeZoneId);
                var retrain = Assert.Single(connection.GetRecurringJobs(), job => job.Id == RetrainJob.RecurringJobId);
                Assert.Equal("0 11 1 * *", retrain.Cron);
            }

            var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
            var statuses = host.Services.GetRequiredService<FeatureBuildStatusStore>();
            string[] ids = [Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N")];
            foreach (var id in ids)
            {
                jobs.Enqueue<FeatureBuildJob>(job => job.BuildAsync(id, "2024-07-01", "2024-07-02", CancellationToken.None));
            }

            var finished = new List<FeatureBuildStatus>();
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (finished.Count < ids.Length && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
                finished = [.. (await Task.WhenAll(ids.Select(id => statuses.FindAsync(id)))).OfType<FeatureBuildStatus>()
                    .Where(status => status.State is FeatureBuildState.Succeeded or FeatureBuildState.Failed)];
            }

            Assert.Equal(2, finished.Count);
            Assert.All(finished, status => Assert.Equal(FeatureBuildState.Succeeded, status.State));
            var (first, second) = (finished.MinBy(s => s.StartedAt)!, finished.MaxBy(s => s.StartedAt)!);
            Assert.True(second.StartedAt >= first.FinishedAt, "two builds ran at the same time");
            Assert.NotNull(await host.Services.GetRequiredService<IArtifactStore>().TryGetInfoAsync(ArtifactPaths.FeatureSchema));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    public void Dispose() => _artifacts.Dispose();
}

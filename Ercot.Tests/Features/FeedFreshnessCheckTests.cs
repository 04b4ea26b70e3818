using Ercot.Features.Health;
using Ercot.Tests.Core.Simulation;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ercot.Tests.Features;

/// <summary>The Features service's /health says Degraded, naming the feed, when an ERCOT feed stops.</summary>
public sealed class FeedFreshnessCheckTests
{
    [Fact]
    public async Task EveryFeedCurrent_IsHealthy_AndAStoppedFeed_IsDegradedNamingItAndHowLate()
    {
        using var simulation = await SimulatedStore.CreateAsync(new(2024, 7, 1), new(2024, 7, 2), "1", seed: 3);

        var current = await CheckAsync(simulation, new DateTimeOffset(2024, 7, 2, 12, 0, 0, TimeSpan.Zero));
        var later = await CheckAsync(simulation, new DateTimeOffset(2024, 7, 6, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(HealthStatus.Healthy, current.Status);
        Assert.Equal(HealthStatus.Degraded, later.Status);
        Assert.Contains("hist_RealTimeLMP (newest interval 2024-07-03 04:45 UTC, 3 days late)", later.Description, StringComparison.Ordinal);
        Assert.Contains("hist_DAMSettlementPointPrices", later.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("hist_HourlySettlementPointPrices", later.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyStore_IsDegraded_SayingEachTableIsEmpty()
    {
        using var empty = new Infrastructure.TemporaryFolder();
        var store = new Ercot.Core.Sources.DuckDbErcotStore(Path.Combine(empty.Path, "empty.duckdb"));
        await store.InitializeAsync();
        using var check = new FeedFreshnessCheck(store, new At(DateTimeOffset.UtcNow));

        var result = await check.CheckHealthAsync(Context(check));

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("hist_RealTimeLMP (empty)", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerOlderThanAMinute_IsStillGivenAtOnce_WhileOneRescanRunsBehindIt()
    {
        using var simulation = await SimulatedStore.CreateAsync(new(2024, 7, 1), new(2024, 7, 2), "1", seed: 3);
        var clock = new Clock(new DateTimeOffset(2024, 7, 2, 12, 0, 0, TimeSpan.Zero));
        using var check = new FeedFreshnessCheck(simulation.Store, clock);

        var first = await check.ReadAsync();
        clock.Now = clock.Now.AddDays(4);
        var stale = await check.ReadAsync();
        IReadOnlyList<FeedStatus> rescanned;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(50);
            rescanned = await check.ReadAsync();
        }
        while (ReferenceEquals(rescanned, first) && DateTime.UtcNow < deadline);

        Assert.Same(first, stale);
        Assert.DoesNotContain(first, feed => feed.Stale);
        Assert.Contains(rescanned, feed => feed.Table == "hist_RealTimeLMP" && feed.Stale && feed.Late == "3 days");
    }

    private static async Task<HealthCheckResult> CheckAsync(SimulatedStore simulation, DateTimeOffset now)
    {
        using var check = new FeedFreshnessCheck(simulation.Store, new At(now));
        return await check.CheckHealthAsync(Context(check));
    }

    private static HealthCheckContext Context(IHealthCheck check) =>
        new() { Registration = new HealthCheckRegistration(FeedFreshnessCheck.Name, check, HealthStatus.Degraded, null) };

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

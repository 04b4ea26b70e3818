using Ercot.Core.Schema;
using Ercot.Core.Sources;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ercot.Features.Health;

/// <summary>
/// Whether every ERCOT feed the features read is current: each source table's newest interval against the
/// time it should have reached by now if its feed is live. A stale feed leaves features empty at the next
/// gate and the models forecast without it, so the service reports Degraded, naming each stale table,
/// its newest interval and how late it is. The result is kept a minute: probes come every few seconds.
/// </summary>
public sealed class FeedFreshnessCheck(IErcotStore store, TimeProvider time) : IHealthCheck, IDisposable
{
    public const string Name = "feeds";

    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How far behind now a live feed's newest interval may start. DAM results (prices and AS) and wind and solar
    /// forecasts reach past now; real-time prices and SCED trail by minutes; load is posted the next day;
    /// binding constraints can be quiet for hours. The hourly settlement-price table is a historical import,
    /// not a feed, and is not judged.
    /// </summary>
    public static IReadOnlyDictionary<ErcotTable, TimeSpan> AllowedLag { get; } = new Dictionary<ErcotTable, TimeSpan>
    {
        [ErcotTables.DamSettlementPointPrices] = TimeSpan.Zero,
        [ErcotTables.DamAncillaryPrices] = TimeSpan.Zero,
        [ErcotTables.WindHourly] = TimeSpan.Zero,
        [ErcotTables.SolarHourly] = TimeSpan.Zero,
        [ErcotTables.RealTimeSettlementPointPrices] = TimeSpan.FromMinutes(45),
        [ErcotTables.ScedLmp] = TimeSpan.FromMinutes(30),
        [ErcotTables.Solar5Minute] = TimeSpan.FromMinutes(30),
        [ErcotTables.ShadowPrices] = TimeSpan.FromHours(6),
        [ErcotTables.LoadByForecastZone] = TimeSpan.FromHours(48),
        [ErcotTables.LoadByWeatherZone] = TimeSpan.FromHours(48),
    };

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, HealthCheckResult Result)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_last is { } last && now - last.At < CacheFor)
            {
                return last.Result;
            }
            var result = await JudgeAsync(context.Registration.FailureStatus, cancellationToken);
            _last = (now, result);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every judged feed now: its newest interval, how late it may be, and whether it is stale.</summary>
    public async Task<IReadOnlyList<FeedStatus>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var nowUtc = time.GetUtcNow().UtcDateTime;
        var feeds = new List<FeedStatus>();
        foreach (var (table, lag) in AllowedLag)
        {
            var extent = await store.GetExtentAsync(table, cancellationToken);
            var late = extent.LastUtc is { } last ? nowUtc - lag - last : (TimeSpan?)null;
            feeds.Add(new FeedStatus(table.Name, extent.LastUtc, lag, late is not { } behind || behind > TimeSpan.Zero,
                late is { } l && l > TimeSpan.Zero ? Describe(l) : null));
        }
        return feeds;
    }

    private async Task<HealthCheckResult> JudgeAsync(HealthStatus failure, CancellationToken cancellationToken)
    {
        IReadOnlyList<FeedStatus> feeds;
        try
        {
            feeds = await ReadAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new HealthCheckResult(failure, $"the source store ({store.Location}) cannot be read: {e.Message}", e);
        }
        var data = feeds.ToDictionary(feed => feed.Table, feed => (object)(feed.NewestUtc is { } newest
            ? newest.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : "empty"));
        var stale = feeds.Where(feed => feed.Stale).Select(feed => feed.NewestUtc is { } at
            ? $"{feed.Table} (newest interval {at:yyyy-MM-dd HH:mm} UTC, {feed.Late} late)"
            : $"{feed.Table} (empty)").ToList();
        return stale.Count == 0
            ? HealthCheckResult.Healthy("every feed is current", data)
            : HealthCheckResult.Degraded($"stale feeds: {string.Join("; ", stale)}", data: data);
    }

    public void Dispose() => _gate.Dispose();

    private static string Describe(TimeSpan late) =>
        late.TotalDays >= 2 ? $"{late.TotalDays:F0} days" : late.TotalHours >= 2 ? $"{late.TotalHours:F0} hours" : $"{Math.Max(1, late.TotalMinutes):F0} minutes";
}

/// <summary>
/// One source table as a feed: the start of its newest interval (null when empty), how far behind now that may be,
/// and whether it is further behind (<see cref="Late"/> says by how much, in words).
/// </summary>
public sealed record FeedStatus(string Table, DateTime? NewestUtc, TimeSpan AllowedLag, bool Stale, string? Late);

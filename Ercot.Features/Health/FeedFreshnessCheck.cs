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
    private volatile Scan? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<FeedStatus> feeds;
        try
        {
            feeds = await ReadAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"the source store ({store.Location}) cannot be read: {e.Message}", e);
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

    /// <summary>
    /// Every judged feed: its newest interval, how late it may be, and whether it is stale. The tables' extents take a
    /// scan each, and probes and pages come every few seconds: the answer is at most a minute old, and once older it is
    /// still answered while one refresh runs in the background, so that no caller waits on the scans but the first.
    /// </summary>
    public async Task<IReadOnlyList<FeedStatus>> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_last is { } last)
        {
            if (time.GetUtcNow() - last.At >= CacheFor && _gate.Wait(0, CancellationToken.None))
            {
                _ = Task.Run(async () =>
                {
                    try
                    {
                        _last = new Scan(time.GetUtcNow(), await ScanAsync(CancellationToken.None));
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // The store cannot be read now: the next caller scans again and meets the error itself.
                        _last = null;
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }, CancellationToken.None);
            }
            return last.Feeds;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_last is { } scanned)
            {
                return scanned.Feeds;
            }
            var feeds = await ScanAsync(cancellationToken);
            _last = new Scan(time.GetUtcNow(), feeds);
            return feeds;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyList<FeedStatus>> ScanAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var feeds = new List<FeedStatus>();
        foreach (var (table, lag) in AllowedLag)
        {
            var extent = await store.GetExtentAsync(table, cancellationToken);
            var late = extent.LastUtc is { } newest ? now - lag - newest : (TimeSpan?)null;
            feeds.Add(new FeedStatus(table.Name, extent.LastUtc, lag, late is not { } behind || behind > TimeSpan.Zero,
                late is { } l && l > TimeSpan.Zero ? Describe(l) : null));
        }
        return feeds;
    }

    public void Dispose() => _gate.Dispose();

    private static string Describe(TimeSpan late) =>
        late.TotalDays >= 2 ? $"{late.TotalDays:F0} days" : late.TotalHours >= 2 ? $"{late.TotalHours:F0} hours" : $"{Math.Max(1, late.TotalMinutes):F0} minutes";
}

/// <summary>The feeds as scanned at <paramref name="At"/>.</summary>
internal sealed record Scan(DateTimeOffset At, IReadOnlyList<FeedStatus> Feeds);

/// <summary>
/// One source table as a feed: the start of its newest interval (null when empty), how far behind now that may be,
/// and whether it is further behind (<see cref="Late"/> says by how much, in words).
/// </summary>
public sealed record FeedStatus(string Table, DateTime? NewestUtc, TimeSpan AllowedLag, bool Stale, string? Late);

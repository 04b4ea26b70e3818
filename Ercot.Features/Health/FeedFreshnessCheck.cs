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
            var result = await JudgeAsync(now.UtcDateTime, context.Registration.FailureStatus, cancellationToken);
            _last = (now, result);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<HealthCheckResult> JudgeAsync(DateTime nowUtc, HealthStatus failure, CancellationToken cancellationToken)
    {
        var stale = new List<string>();
        var data = new Dictionary<string, object>();
        foreach (var (table, lag) in AllowedLag)
        {
            TableExtent extent;
            try
            {
                extent = await store.GetExtentAsync(table, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new HealthCheckResult(failure, $"the source store ({store.Location}) cannot be read: {e.Message}", e);
            }
            data[table.Name] = extent.LastUtc is { } newest ? newest.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : "empty";
            var late = extent.LastUtc is { } last ? nowUtc - lag - last : TimeSpan.MaxValue;
            if (late > TimeSpan.Zero)
            {
                stale.Add(extent.LastUtc is { } at
                    ? $"{table.Name} (newest interval {at:yyyy-MM-dd HH:mm} UTC, {Describe(late)} late)"
                    : $"{table.Name} (empty)");
            }
        }
        return stale.Count == 0
            ? HealthCheckResult.Healthy("every feed is current", data)
            : HealthCheckResult.Degraded($"stale feeds: {string.Join("; ", stale)}", data: data);
    }

    public void Dispose() => _gate.Dispose();

    private static string Describe(TimeSpan late) =>
        late.TotalDays >= 2 ? $"{late.TotalDays:F0} days" : late.TotalHours >= 2 ? $"{late.TotalHours:F0} hours" : $"{Math.Max(1, late.TotalMinutes):F0} minutes";
}

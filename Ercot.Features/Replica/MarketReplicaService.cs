using System.Diagnostics;
using System.Diagnostics.Metrics;
using Ercot.Core.Replica;
using Ercot.Core.Sources;
using Microsoft.Extensions.Options;

namespace Ercot.Features.Replica;

/// <summary>
/// Keeps the simulated market of the embedded default going: at start it catches up from where the store ends to now,
/// then every <see cref="FeaturesOptions.ReplicaIntervalSeconds"/> it publishes what ERCOT would have published since.
/// It runs here because this service reads the DuckDB file and DuckDB lets one process write it: the replica's writes and
/// the feature builds take turns at the file. With SQL Server, or a DuckDB file the replica did not start (imported
/// ERCOT data), nothing is simulated. Time comes from the <see cref="TimeProvider"/>, so tests run days in seconds.
/// </summary>
internal sealed partial class MarketReplicaService(
    IErcotStore store, ReplicaStatus status, TimeProvider time, IOptions<FeaturesOptions> options, ILogger<MarketReplicaService> logger) : BackgroundService
{
    public static readonly ActivitySource Source = new("Ercot.Features");
    private static readonly Meter Meter = new("Ercot.Features");
    private static readonly Counter<long> RowsPublished = Meter.CreateCounter<long>("ercot.replica.rows_published", "{row}", "Source rows the market replica published");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store is not DuckDbErcotStore duck)
        {
            status.Set(ReplicaMode.Off, "off: the source tables are in SQL Server (ERCOT's own data); nothing is simulated");
            return;
        }
        var statePath = ReplicaState.PathFor(duck.DatabasePath);
        if (!File.Exists(statePath))
        {
            status.Set(ReplicaMode.Off, $"off: {duck.DatabasePath} was not started by the market replica (no {Path.GetFileName(statePath)}); its data is left as it is");
            LogOff(logger, duck.DatabasePath);
            return;
        }
        var replica = new MarketReplica(store, statePath);
        var interval = TimeSpan.FromSeconds(options.Value.ReplicaIntervalSeconds);
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            await PublishAsync(replica, first, stoppingToken);
            first = false;
            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One publication up to now; a failure is reported and retried at the next tick (what was written stays).</summary>
    internal async Task PublishAsync(MarketReplica replica, bool catchingUp, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        using var activity = Source.StartActivity(catchingUp ? "market replica catch-up" : "market replica publish");
        try
        {
            if (catchingUp)
            {
                status.Set(ReplicaMode.CatchingUp, $"catching up from {replica.State?.PublishedThroughUtc:yyyy-MM-dd HH:mm} UTC to {now:yyyy-MM-dd HH:mm} UTC");
            }
            var step = await replica.PublishToAsync(now, null, cancellationToken);
            RowsPublished.Add(step.Rows);
            activity?.SetTag("ercot.rows", step.Rows).SetTag("ercot.through", step.ThroughUtc.ToString("O"));
            status.Set(ReplicaMode.Live, $"live: every report published by {step.ThroughUtc:yyyy-MM-dd HH:mm:ss} UTC is in the store", step);
            if (catchingUp)
            {
                LogCaughtUp(logger, step.AfterUtc, step.ThroughUtc, step.Rows, step.Duration.TotalSeconds);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            status.Set(ReplicaMode.Failing, $"failing: {e.Message}", error: e.Message);
            LogFailed(logger, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Market replica caught up from {From} to {Through} UTC: {Rows} rows in {Seconds:F1} s")]
    private static partial void LogCaughtUp(ILogger logger, DateTime? from, DateTime through, long rows, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Market replica off: {Path} was not started by it, so nothing is simulated into it")]
    private static partial void LogOff(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Market replica publication failed, retried at the next tick: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}

using Ercot.Core.Forecasts;
using Ercot.Core.Storage;
using Ercot.Core.Time;
using Ercot.Inference.TrackRecord;
using Ercot.Models.Backtesting;
using Ercot.Models.Issuing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ercot.Inference.Apis;

/// <summary>The live track record: what the issued forecasts and bids did, scored after real time settled, beside what the walk-forward expects.</summary>
public static class TrackRecordApi
{
    public static IEndpointRouteBuilder MapTrackRecordApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/track-record", GetAsync)
            .WithTags("Issued forecasts")
            .WithName("GetTrackRecord")
            .WithSummary("The live record of the last ?days=30 scored days (1-3660): MAE against zero and the per-point constant per forecast, sign accuracy, 80% band coverage by hour ending, cumulative PnL of the bids against always INC and the constant, per point; and the latest walk-forward's figures to hold it to.");
        return app;
    }

    internal static async Task<Results<Ok<TrackRecordResponse>, ProblemHttpResult>> GetAsync(
        int? days, TrackRecordMonitor monitor, IArtifactStore artifacts, TimeProvider time, CancellationToken cancellationToken)
    {
        var window = days ?? TrackRecordMonitor.WindowDays;
        if (window is < 1 or > 3660)
        {
            return TypedResults.Problem(title: "Bad track-record request", detail: $"days {window}: choose 1..3660.", statusCode: StatusCodes.Status400BadRequest);
        }
        var today = ErcotTime.ToErcotHour(time.GetUtcNow().UtcDateTime).DeliveryDate;
        var summary = TrackRecordSummary.Of(await monitor.Store.RangeAsync(today.AddDays(-window), today, cancellationToken));
        WalkForward? expected = null;
        if (await BidRules.LatestBacktestAsync(artifacts, cancellationToken) is { } latest && latest.Report.Pooled.TryGetValue(BacktestReport.Ensemble, out var pooled))
        {
            expected = new WalkForward(latest.Id, pooled.RmaeVsZero, pooled.RmaeVsConstant, latest.Report.Intervals?.Pooled.Coverage);
        }
        return TypedResults.Ok(new TrackRecordResponse(summary, expected, TrackRecordMonitor.Alarm(summary)));
    }
}

/// <summary>The live summary, the walk-forward it is held to, and the alarm /health raises on it (if any).</summary>
public sealed record TrackRecordResponse(TrackRecordSummary Live, WalkForward? Expected, string? Alarm);

/// <summary>The latest backtest's pooled ensemble figures: what a live month should look like.</summary>
public sealed record WalkForward(string BacktestId, double RmaeVsZero, double RmaeVsConstant, double? Coverage);

using Ercot.Core.Time;
using Ercot.Inference.Issuing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ercot.Inference.TrackRecord;

/// <summary>
/// The daily cycle on /health: Degraded when the last 30 days of live forecasts did worse than the constant or their band
/// covered outside 70–90%, or when the next operating day's forecast should have been issued (after 09:30 Central) and
/// was not — with the reason the last issue failed.
/// </summary>
internal sealed class TrackRecordHealthCheck(TrackRecordMonitor monitor, ForecastIssuer issuer, IssueStatus issues, TimeProvider time) : IHealthCheck
{
    public const string Name = "track-record";

    private static readonly TimeOnly IssueDue = new(9, 45);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var summary = await monitor.SummaryAsync(cancellationToken);
        var problems = new List<string>();
        if (TrackRecordMonitor.Alarm(summary) is { } alarm)
        {
            problems.Add(alarm);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var (local, _) = ErcotTime.ToLocal(now);
        var next = DateOnly.FromDateTime(local).AddDays(1);
        if (TimeOnly.FromDateTime(local) >= IssueDue && issues.Last is { Error: { } error } failed && failed.Day == next
            && (await issuer.Store.RevisionsAsync(next, cancellationToken)).Count == 0)
        {
            problems.Add($"the forecast of {next:yyyy-MM-dd} is not issued: {error}");
        }
        var data = new Dictionary<string, object> { ["scoredDays"] = summary.Days };
        if (summary.Skill.GetValueOrDefault("ensemble")?.RmaeVsConstant is { } ratio)
        {
            data["rmaeVsConstant"] = ratio;
        }
        if (summary.Coverage is { } coverage)
        {
            data["coverage"] = coverage;
        }
        return problems.Count > 0
            ? HealthCheckResult.Degraded(string.Join("; ", problems), data: data)
            : HealthCheckResult.Healthy(summary.Days < TrackRecordMonitor.MinimumDays
                ? $"{summary.Days} live day(s) scored in the last {TrackRecordMonitor.WindowDays}: too few to judge (from {TrackRecordMonitor.MinimumDays})"
                : $"live skill over {summary.Days} days: within the constant and the band's 70–90%", data);
    }
}

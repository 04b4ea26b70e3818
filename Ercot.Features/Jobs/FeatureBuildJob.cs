using System.Diagnostics;
using System.Globalization;
using Ercot.Core.Time;
using Ercot.Features.Pipeline;
using Hangfire;

namespace Ercot.Features.Jobs;

/// <summary>
/// The Hangfire job that runs a feature build and records its status. Arguments are dates and ids
/// only; a build rewrites whole months, so running one twice is harmless, and Hangfire's distributed
/// lock keeps two from running at once, even across instances.
/// </summary>
public sealed partial class FeatureBuildJob(FeatureBuilder builder, FeatureBuildStatusStore statuses, TimeProvider time, ILogger<FeatureBuildJob> logger)
{
    public static readonly ActivitySource Source = new("Ercot.Features");

    public const string RecurringJobId = "build-features";
    private const string DateFormat = "yyyy-MM-dd";
    public const string StoppedError = "Stopped: the Features service shut down while the build ran; it runs again on the next start with a shared job store, otherwise queue it again.";

    [DisableConcurrentExecution(timeoutInSeconds: 2 * 60 * 60)]
    public async Task BuildAsync(string buildId, string from, string to, CancellationToken cancellationToken)
    {
        var request = new FeatureBuildRequest(
            DateOnly.ParseExact(from, DateFormat, CultureInfo.InvariantCulture), DateOnly.ParseExact(to, DateFormat, CultureInfo.InvariantCulture));
        var status = await statuses.FindAsync(buildId, cancellationToken)
            ?? new FeatureBuildStatus(buildId, FeatureBuildState.Queued, request.From, request.To, time.GetUtcNow());
        using var activity = Source.StartActivity("feature build");
        activity?.SetTag("ercot.build.id", buildId).SetTag("ercot.window", $"{from}..{to}");
        status = status with { State = FeatureBuildState.Running, StartedAt = time.GetUtcNow(), Attempts = status.Attempts + 1, Error = null };
        await statuses.SaveAsync(status, cancellationToken);
        try
        {
            var report = await builder.BuildAsync(request, cancellationToken);
            await statuses.SaveAsync(status with { State = FeatureBuildState.Succeeded, FinishedAt = time.GetUtcNow(), Report = report }, CancellationToken.None);
            activity?.SetTag("ercot.rows", report.RowsWritten).SetTag("ercot.months", report.MonthsWritten.Count).SetTag("ercot.points", report.Points);
            LogSucceeded(logger, buildId, request.GridFrom, request.To, report.RowsWritten, report.MonthsWritten.Count, report.Points, report.DurationSeconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The service is stopping: Hangfire runs the job again on the next start (with a shared job store), or
            // the status says it stopped (in memory, where the job is forgotten).
            await statuses.SaveAsync(status with { State = FeatureBuildState.Failed, FinishedAt = time.GetUtcNow(), Error = StoppedError }, CancellationToken.None);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Recorded, then rethrown so that Hangfire retries it (a bounded number of times).
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            LogFailed(logger, buildId, status.Attempts, e.Message);
            await statuses.SaveAsync(status with { State = FeatureBuildState.Failed, FinishedAt = time.GetUtcNow(), Error = e.Message }, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// The recurring build: yesterday (its real-time prices are complete now, so its targets are), today and the next operating
    /// day, whose features must exist before the gate.
    /// </summary>
    public Task BuildScheduledAsync(CancellationToken cancellationToken)
    {
        var today = ErcotTime.ToErcotHour(time.GetUtcNow().UtcDateTime).DeliveryDate;
        return BuildAsync($"scheduled-{today:yyyyMMdd}", Format(today.AddDays(-1)), Format(today.AddDays(1)), cancellationToken);
    }

    public static string Format(DateOnly day) => day.ToString(DateFormat, CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feature build {BuildId} succeeded: {From}..{To}, {Rows} rows in {Months} month(s) for {Points} point(s), {Seconds} s")]
    private static partial void LogSucceeded(ILogger logger, string buildId, DateOnly from, DateOnly to, long rows, int months, int points, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feature build {BuildId} failed (attempt {Attempt}): {Reason}")]
    private static partial void LogFailed(ILogger logger, string buildId, int attempt, string reason);
}

using System.Diagnostics;
using Ercot.Core.Forecasts;
using Ercot.Core.Sources;
using Ercot.Core.Storage;
using Ercot.Core.Time;
using Hangfire;

namespace Ercot.Features.Jobs;

/// <summary>
/// The daily cycle after the 09:15 feature build, in ERCOT time: at 09:30 the next operating day's forecast is issued (by the
/// inference API, with the champions it serves and the challengers in shadow); after each day's real-time prices are complete
/// (from about 00:05 the next day) its issued forecast is scored into the track record. Both are safe to run twice: the
/// scheduled issue is made once a day, and scoring a day again writes the same record.
/// </summary>
public sealed partial class DailyCycleJobs(InferenceClient inference, IErcotStore store, IArtifactStore artifacts, TimeProvider time, ILogger<DailyCycleJobs> logger)
{
    public const string IssueJobId = "issue-forecast", ScoreJobId = "score-forecasts";

    /// <summary>How far back scoring looks for issued days it has not scored yet.</summary>
    public const int ScoreLookbackDays = 14;

    [DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
    public Task IssueNextDayAsync(CancellationToken cancellationToken) =>
        inference.IssueScheduledAsync(ErcotTime.ToErcotHour(time.GetUtcNow().UtcDateTime).DeliveryDate.AddDays(1), cancellationToken);

    /// <summary>Scores every issued day of the last two weeks that has no track record yet and whose real-time prices are complete.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
    public async Task<IReadOnlyList<DayScore>> ScoreAsync(CancellationToken cancellationToken)
    {
        var today = ErcotTime.ToErcotHour(time.GetUtcNow().UtcDateTime).DeliveryDate;
        var issued = new IssuedForecastStore(artifacts);
        var track = new TrackRecordStore(artifacts);
        var scored = (await track.DaysAsync(cancellationToken)).ToHashSet();
        var written = new List<DayScore>();
        foreach (var day in (await issued.DaysAsync(cancellationToken)).Where(day => day < today && day >= today.AddDays(-ScoreLookbackDays) && !scored.Contains(day)))
        {
            if (await ScoreDayAsync(issued, track, day, cancellationToken) is { } score)
            {
                written.Add(score);
            }
        }
        return written;
    }

    /// <summary>Scores one day, or returns null (logged) while its real-time prices are not all published.</summary>
    public async Task<DayScore?> ScoreDayAsync(IssuedForecastStore issued, TrackRecordStore track, DateOnly day, CancellationToken cancellationToken)
    {
        using var activity = FeatureBuildJob.Source.StartActivity("score issued forecast");
        activity?.SetTag("ercot.day", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (DayScorer.Scored(await issued.RevisionsAsync(day, cancellationToken)) is not { } chosen
            || await issued.ReadAsync(day, chosen.Revision, cancellationToken) is not { } forecast)
        {
            return null;
        }
        var actual = await RealisedDart.ReadAsync(store, day, forecast.Manifest.Points, cancellationToken);
        if (!actual.Complete)
        {
            var examples = string.Join(", ", actual.Missing.Take(5));
            LogIncomplete(logger, day, actual.Missing.Count, examples);
            return null;
        }
        var score = DayScorer.Score(forecast, actual.Dart);
        await track.WriteAsync(score, cancellationToken);
        var summary = TrackRecordSummary.Of([score]);
        LogScored(logger, day, chosen.Revision, score.Hours.Count, summary.Skill[TrackRecordSummary.Ensemble].Mae,
            summary.Skill.GetValueOrDefault(TrackRecordSummary.Constant)?.Mae ?? double.NaN, summary.Pnl[^1].Bids);
        activity?.SetTag("ercot.hours", score.Hours.Count).SetStatus(ActivityStatusCode.Ok);
        return score;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scored the issued forecast of {Day} (revision {Revision}): {Hours} hours, MAE {Mae:F3} against the constant's {ConstantMae:F3}, bids earned {Pnl:F2} $")]
    private static partial void LogScored(ILogger logger, DateOnly day, int revision, int hours, double mae, double constantMae, double pnl);

    [LoggerMessage(Level = LogLevel.Information, Message = "The real-time prices of {Day} are not complete yet ({Missing} point-hours missing, e.g. {Examples}); scored later")]
    private static partial void LogIncomplete(ILogger logger, DateOnly day, int missing, string examples);
}

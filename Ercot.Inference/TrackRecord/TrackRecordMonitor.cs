using System.Diagnostics.Metrics;
using Ercot.Core.Forecasts;
using Ercot.Core.Storage;
using Ercot.Core.Time;

namespace Ercot.Inference.TrackRecord;

/// <summary>
/// The live track record's last <see cref="WindowDays"/> days, read at most once a minute: the figures /health judges and the
/// gauges an alert can watch (<c>ercot.track_record.rmae_vs_constant</c>, <c>ercot.track_record.coverage</c>).
/// </summary>
public sealed class TrackRecordMonitor : IDisposable
{
    public const int WindowDays = 30;

    /// <summary>Fewer scored days than this in the window are too few to raise an alarm on.</summary>
    public const int MinimumDays = 10;

    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly TrackRecordStore _store;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, TrackRecordSummary Summary)? _last;

    public TrackRecordMonitor(IArtifactStore artifacts, TimeProvider time, IMeterFactory meters)
    {
        _store = new TrackRecordStore(artifacts);
        _time = time;
        var meter = meters.Create("Ercot.Inference");
        meter.CreateObservableGauge("ercot.track_record.rmae_vs_constant", () => Observe(summary => summary.Skill.GetValueOrDefault(TrackRecordSummary.Ensemble)?.RmaeVsConstant),
            "1", "Live ensemble MAE over the per-point constant's, last 30 scored days (above 1: worse than the constant)");
        meter.CreateObservableGauge("ercot.track_record.coverage", () => Observe(summary => summary.Coverage),
            "1", "Share of live hours inside the issued 80% band, last 30 scored days");
    }

    public TrackRecordStore Store => _store;

    public void Dispose() => _gate.Dispose();

    public async Task<TrackRecordSummary> SummaryAsync(CancellationToken cancellationToken)
    {
        if (_last is { } last && _time.GetUtcNow() - last.At < CacheFor)
        {
            return last.Summary;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var today = ErcotTime.ToErcotHour(_time.GetUtcNow().UtcDateTime).DeliveryDate;
            var summary = TrackRecordSummary.Of(await _store.RangeAsync(today.AddDays(-WindowDays), today, cancellationToken));
            _last = (_time.GetUtcNow(), summary);
            return summary;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Why the live record is alarming, or null: worse than the constant, or a band that covers outside 70–90%.</summary>
    public static string? Alarm(TrackRecordSummary summary)
    {
        if (summary.Days < MinimumDays)
        {
            return null;
        }
        var problems = new List<string>();
        if (summary.Skill.GetValueOrDefault(TrackRecordSummary.Ensemble)?.RmaeVsConstant is > 1 and var ratio)
        {
            problems.Add(FormattableString.Invariant($"live MAE is {ratio:F3} × the per-point constant's over the last {summary.Days} scored days (worse than the constant)"));
        }
        if (summary.Coverage is { } coverage && (coverage < TrackRecordSummary.CoverageLow || coverage > TrackRecordSummary.CoverageHigh))
        {
            problems.Add(FormattableString.Invariant($"the 80% band covered {coverage:P1} of live hours over the last {summary.Days} scored days (outside 70–90%)"));
        }
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private IEnumerable<Measurement<double>> Observe(Func<TrackRecordSummary, double?> figure) =>
        _last is { } last && last.Summary.Days >= MinimumDays && figure(last.Summary) is { } value ? [new Measurement<double>(value)] : [];
}

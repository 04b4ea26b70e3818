using System.Diagnostics;
using Ercot.Core.Schema;
using Ercot.Core.Sources;
using Ercot.Core.Time;

namespace Ercot.Core.Simulation;

/// <summary>
/// A seeded ERCOT market that writes every source table through <see cref="IErcotStore"/>, in ERCOT's
/// own conventions (hour endings, DST flags, irregular SCED runs, 15-minute intervals, forecast
/// vintages). It works a day at a time and writes a month at a time, so memory stays flat however
/// long the range; the same request and seed always produce the same rows, and a day's rows are the same whatever
/// range it is simulated in.
/// </summary>
public sealed partial class MarketSimulator(IErcotStore store)
{
    private HourlyFundamentals _hours = null!;
    private ForecastModel _forecasts = null!;
    private Noise _noise;
    private IReadOnlyList<SimulatedPoint> _points = [];
    private int[] _pointIndex = [];
    private readonly Dictionary<ErcotTable, List<object?[]>> _pending = [];
    private readonly Dictionary<string, long> _written = [];
    private SimulationRequest _request = null!;

    public async Task<SimulationReport> RunAsync(
        SimulationRequest request, IProgress<SimulationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (request.To < request.From)
        {
            throw new ArgumentException($"The range {request.From:yyyy-MM-dd}..{request.To:yyyy-MM-dd} is empty: --to comes before --from.", nameof(request));
        }
        var clock = Stopwatch.StartNew();
        _request = request;
        _noise = new Noise(request.Seed);
        _points = request.Points;
        // A point's own noise follows its place in the catalogue, not in the request: HB_NORTH is the same with or without HB_PAN.
        _pointIndex = [.. request.Points.Select(point => SimulatedMarket.Points.ToList().FindIndex(known => known.Name == point.Name))];
        // Margins: forecasts reach two days ahead, and real-time interpolation looks one hour past the day.
        _hours = new HourlyFundamentals(_noise, request.From.AddDays(-3), request.To.AddDays(3));
        _forecasts = new ForecastModel(_hours, _noise);
        _realTime = new RealTimeState();
        _pending.Clear();
        _written.Clear();

        for (var day = request.From; day <= request.To; day = day.AddDays(1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var first = _hours.IndexOf(ErcotTime.DayStartUtc(day));
            var count = ErcotTime.HoursInDay(day);
            SimulateLoad(first, count);
            SimulateVintages(day, first, count);
            SimulateDayAhead(day, first, count);
            SimulateRealTime(first, count);
            if (day.AddDays(1).Month != day.Month || day == request.To)
            {
                await FlushAsync(cancellationToken);
            }
            progress?.Report(new SimulationProgress(day.DayNumber - request.From.DayNumber + 1, request.Days, _written.Values.Sum()));
        }
        return new SimulationReport(new Dictionary<string, long>(_written), clock.Elapsed);
    }

    private void Add(ErcotTable table, object?[] row)
    {
        if (!_pending.TryGetValue(table, out var rows))
        {
            _pending[table] = rows = [];
        }
        rows.Add(row);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var table in ErcotTables.All)
        {
            if (_pending.TryGetValue(table, out var rows) && (_request.PublishedAfterUtc is not null || _request.PublishedByUtc is not null))
            {
                rows.RemoveAll(row => !_request.Publishes(ErcotPublication.PublishedUtc(table, row)));
            }
            if (rows is { Count: > 0 })
            {
                var result = await store.UpsertAsync(table, rows, cancellationToken);
                _written[table.Name] = _written.GetValueOrDefault(table.Name) + result.RowsWritten;
                rows.Clear();
            }
        }
    }

    private static double Round(double value, int digits = 2) => Math.Round(value, digits, MidpointRounding.AwayFromZero);
}

using Ercot.Core.Schema;
using Ercot.Core.Sources;
using Ercot.Core.Time;

namespace Ercot.Core.Forecasts;

/// <summary>
/// What DART turned out to be for an operating day, from the source tables: the DAM settlement point price minus the mean of
/// the hour's four 15-minute real-time settlement point prices. Complete only when every point asked for has both for
/// every hour of the day.
/// </summary>
public static class RealisedDart
{
    public sealed record Day(IReadOnlyDictionary<(string Point, DateTime HourUtc), double> Dart, IReadOnlyList<string> Missing)
    {
        public bool Complete => Missing.Count == 0;
    }

    public static async Task<Day> ReadAsync(IErcotStore store, DateOnly day, IReadOnlyCollection<string> points, CancellationToken cancellationToken)
    {
        var from = ErcotTime.DayStartUtc(day);
        var to = ErcotTime.DayStartUtc(day.AddDays(1));
        var dam = new Dictionary<(string, DateTime), double>();
        var wanted = points.ToHashSet(StringComparer.Ordinal);
        var table = ErcotTables.DamSettlementPointPrices;
        int damPoint = table.Ordinal("SettlementPoint"), damPrice = table.Ordinal("SettlementPointPrice");
        await foreach (var row in store.ReadAsync(table, from, to, cancellationToken))
        {
            if (wanted.Contains((string)row[damPoint]!))
            {
                dam[((string)row[damPoint]!, (DateTime)row[table.TimeOrdinal]!)] = (double)row[damPrice]!;
            }
        }
        var rt = ErcotTables.RealTimeSettlementPointPrices;
        int rtPoint = rt.Ordinal("SettlementPointName"), rtPrice = rt.Ordinal("SettlementPointPrice");
        var sums = new Dictionary<(string, DateTime), (double Sum, int Count)>();
        await foreach (var row in store.ReadAsync(rt, from, to, cancellationToken))
        {
            var point = (string)row[rtPoint]!;
            if (wanted.Contains(point))
            {
                var start = (DateTime)row[rt.TimeOrdinal]!;
                var hour = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerHour));
                var (sum, count) = sums.GetValueOrDefault((point, hour));
                sums[(point, hour)] = (sum + (double)row[rtPrice]!, count + 1);
            }
        }
        var dart = new Dictionary<(string Point, DateTime HourUtc), double>();
        var missing = new List<string>();
        foreach (var point in points.Order(StringComparer.Ordinal))
        {
            foreach (var hour in ErcotTime.HoursOf(day))
            {
                if (dam.TryGetValue((point, hour.StartUtc), out var price) && sums.TryGetValue((point, hour.StartUtc), out var real) && real.Count == 4)
                {
                    dart[(point, hour.StartUtc)] = Math.Round(price - real.Sum / 4, 4);
                }
                else
                {
                    missing.Add($"{point} HE {hour.HourEnding:D2}{(hour.IsRepeated ? " (repeated)" : "")}");
                }
            }
        }
        return new Day(dart, missing);
    }
}

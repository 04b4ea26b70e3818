using Ercot.Core.Schema;
using Ercot.Core.Time;

namespace Ercot.Tests.Core.Simulation;

public sealed class MarketSimulatorTests
{
    private static readonly DateOnly FallBack = new(2024, 11, 3);
    private static readonly DateOnly SpringForward = new(2024, 3, 10);

    [Fact]
    public async Task SameSeed_GivesIdenticalTables_AnotherSeedDoesNot()
    {
        using var first = await SimulatedStore.CreateAsync(new(2024, 7, 1), new(2024, 7, 4), "3", seed: 7);
        using var again = await SimulatedStore.CreateAsync(new(2024, 7, 1), new(2024, 7, 4), "3", seed: 7);
        using var other = await SimulatedStore.CreateAsync(new(2024, 7, 1), new(2024, 7, 4), "3", seed: 8);

        foreach (var table in ErcotTables.All)
        {
            var rows = await first.RowsAsync(table);
            Assert.Equal(rows, await again.RowsAsync(table));
            // No binding constraint in four July days; simulated points have 15-minute prices, not hourly ones.
            if (table != ErcotTables.ShadowPrices && table != ErcotTables.HourlySettlementPointPrices)
            {
                Assert.NotEmpty(rows);
            }
        }
        Assert.NotEqual(await first.RowsAsync(ErcotTables.DamSettlementPointPrices), await other.RowsAsync(ErcotTables.DamSettlementPointPrices));
        Assert.NotEqual(await first.RowsAsync(ErcotTables.WindHourly), await other.RowsAsync(ErcotTables.WindHourly));
    }

    [Fact]
    public async Task APointsPrices_DoNotDependOnWhichOtherPointsAreSimulated()
    {
        using var one = await SimulatedStore.CreateAsync(new(2024, 7, 1), new(2024, 7, 2), "HB_WEST", seed: 3);
        using var five = await SimulatedStore.CreateAsync(new(2024, 7, 1), new(2024, 7, 2), "5", seed: 3);
        var table = ErcotTables.DamSettlementPointPrices;

        var west = (await five.RowsAsync(table)).Where(row => (string)row[table.Ordinal("SettlementPoint")]! == "HB_WEST").ToList();

        Assert.Equal(await one.RowsAsync(table), west);
    }

    [Fact]
    public async Task ADaysRows_AreTheSameWhateverRangeItIsSimulatedIn()
    {
        var day = new DateOnly(2024, 7, 3);
        using var alone = await SimulatedStore.CreateAsync(day, day, "3", seed: 5);
        using var within = await SimulatedStore.CreateAsync(new(2024, 6, 20), new(2024, 7, 6), "3", seed: 5);
        var from = ErcotTime.DayStartUtc(day);
        var to = ErcotTime.DayStartUtc(day.AddDays(1));

        foreach (var table in new[] { ErcotTables.DamSettlementPointPrices, ErcotTables.RealTimeSettlementPointPrices, ErcotTables.ScedLmp, ErcotTables.WindHourly, ErcotTables.LoadByWeatherZone })
        {
            var expected = (await within.RowsAsync(table)).Where(row => (DateTime)row[table.TimeOrdinal]! >= from && (DateTime)row[table.TimeOrdinal]! < to).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, (await alone.RowsAsync(table)).Where(row => (DateTime)row[table.TimeOrdinal]! >= from && (DateTime)row[table.TimeOrdinal]! < to).ToList());
        }
    }

    /// <summary>How every table's ERCOT labels name its UTC instant; each row must agree with its own IntervalStartUtc.</summary>
    private static readonly Dictionary<ErcotTable, Func<ErcotTable, object?[], DateTime>> LabelsToUtc = new()
    {
        [ErcotTables.LoadByForecastZone] = (t, r) => ErcotTime.HourStartUtc(Get<DateOnly>(t, r, "OperDay"), Get<int>(t, r, "HourEnding"), Get<bool>(t, r, "DSTFlag")),
        [ErcotTables.LoadByWeatherZone] = (t, r) => ErcotTime.HourStartUtc(Get<DateOnly>(t, r, "OperDay"), Get<int>(t, r, "HourEnding"), Get<bool>(t, r, "DSTFlag")),
        [ErcotTables.DamSettlementPointPrices] = (t, r) => ErcotTime.HourStartUtc(Get<DateOnly>(t, r, "DeliveryDate"), Get<int>(t, r, "HourEnding"), Get<bool>(t, r, "DSTFlag")),
        [ErcotTables.DamAncillaryPrices] = (t, r) => ErcotTime.HourStartUtc(Get<DateOnly>(t, r, "DeliveryDate"), Get<int>(t, r, "HourEnding"), Get<bool>(t, r, "DSTFlag")),
        [ErcotTables.ScedLmp] = (t, r) => ErcotTime.LocalClockToUtc(Get<DateTime>(t, r, "SCEDTimestamp"), Get<bool>(t, r, "RepeatedHourFlag")),
        [ErcotTables.ShadowPrices] = (t, r) => ErcotTime.LocalClockToUtc(Get<DateTime>(t, r, "SCEDTimeStamp"), Get<bool>(t, r, "RepeatedHourFlag")),
        [ErcotTables.RealTimeSettlementPointPrices] = (t, r) => ErcotTime.IntervalStartUtc(
            Get<DateOnly>(t, r, "DeliveryDate"), Get<int>(t, r, "DeliveryHour"), Get<int>(t, r, "DeliveryInterval"), Get<bool>(t, r, "DSTFlag")),
        [ErcotTables.Solar5Minute] = (t, r) => ErcotTime.IntervalEndingStartUtc(Get<DateTime>(t, r, "INTERVAL_ENDING"), ErcotTime.FiveMinutes, Get<bool>(t, r, "DSTFlag")),
        [ErcotTables.SolarHourly] = (t, r) => ErcotTime.HourStartUtc(Get<DateOnly>(t, r, "DELIVERY_DATE"), Get<int>(t, r, "HOUR_ENDING"), Get<bool>(t, r, "DSTFlag")),
        [ErcotTables.WindHourly] = (t, r) => ErcotTime.HourStartUtc(Get<DateOnly>(t, r, "DELIVERY_DATE"), Get<int>(t, r, "HOUR_ENDING"), Get<bool>(t, r, "DSTFlag")),
    };

    [Theory]
    [InlineData("2024-03-09", "2024-03-11")]
    [InlineData("2024-11-02", "2024-11-04")]
    public async Task EveryTable_LabelsItsRowsTheErcotWay_OnDstDays(string from, string to)
    {
        using var sim = await SimulatedStore.CreateAsync(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), "2", seed: 11);

        foreach (var (table, labels) in LabelsToUtc)
        {
            var rows = await sim.RowsAsync(table);
            Assert.All(rows, row => Assert.Equal((DateTime)row[table.TimeOrdinal]!, labels(table, row)));
            var repeated = rows.Count(row => (bool)row[table.Ordinal(table.Columns.Any(c => c.Name == "DSTFlag") ? "DSTFlag" : "RepeatedHourFlag")]!);
            // Constraints bind when they bind; every other table has rows in every hour, the repeated one included.
            // No binding constraint in four July days; simulated points have 15-minute prices, not hourly ones.
            if (table != ErcotTables.ShadowPrices && table != ErcotTables.HourlySettlementPointPrices)
            {
                Assert.True(from.StartsWith("2024-11", StringComparison.Ordinal) == (repeated > 0), $"{table.Name}: {repeated} repeated-hour rows");
            }
        }
    }

    [Fact]
    public async Task HourlyAndIntervalTables_HaveExactlyTheHoursOfEachDay_IncludingHe24()
    {
        using var sim = await SimulatedStore.CreateAsync(SpringForward.AddDays(-1), SpringForward.AddDays(1), "2", seed: 5);
        using var fall = await SimulatedStore.CreateAsync(FallBack, FallBack, "2", seed: 5);

        foreach (var (store, day) in new[] { (sim, SpringForward), (sim, SpringForward.AddDays(1)), (fall, FallBack) })
        {
            var hours = ErcotTime.HoursInDay(day);
            var dam = (await store.RowsAsync(ErcotTables.DamSettlementPointPrices)).Where(r => Get<DateOnly>(ErcotTables.DamSettlementPointPrices, r, "DeliveryDate") == day).ToList();
            var rt = (await store.RowsAsync(ErcotTables.RealTimeSettlementPointPrices)).Where(r => Get<DateOnly>(ErcotTables.RealTimeSettlementPointPrices, r, "DeliveryDate") == day).ToList();
            var load = (await store.RowsAsync(ErcotTables.LoadByForecastZone)).Where(r => Get<DateOnly>(ErcotTables.LoadByForecastZone, r, "OperDay") == day).ToList();

            Assert.Equal(2 * hours, dam.Count);
            Assert.Equal(2 * 4 * hours, rt.Count);
            Assert.Equal(hours, load.Count);
            Assert.Contains(load, r => Get<int>(ErcotTables.LoadByForecastZone, r, "HourEnding") == 24);
            Assert.Equal(day == SpringForward, load.All(r => Get<int>(ErcotTables.LoadByForecastZone, r, "HourEnding") != 3));
        }
    }

    [Fact]
    public async Task ScedRuns_AreIrregular_AboutEveryFiveMinutes()
    {
        using var sim = await SimulatedStore.CreateAsync(new(2024, 8, 1), new(2024, 8, 7), "1", seed: 9);
        var table = ErcotTables.ScedLmp;

        var times = (await sim.RowsAsync(table)).Select(row => (DateTime)row[table.TimeOrdinal]!).ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();

        Assert.InRange(times.Count, 7 * 288, 7 * 288 * 1.02);
        Assert.InRange(gaps.Average(), 290, 310);
        Assert.True(gaps.Distinct().Count() > 20, "SCED runs should not be on a fixed grid");
        Assert.Contains(times, t => t.Second != 0);
    }

    [Fact]
    public async Task ForecastVintages_ArePostedSeveralTimesPerHour_IncludingJustBeforeTheGate()
    {
        using var sim = await SimulatedStore.CreateAsync(new(2024, 5, 1), new(2024, 5, 3), "1", seed: 4);
        var table = ErcotTables.WindHourly;
        var rows = await sim.RowsAsync(table);

        foreach (var delivery in rows.GroupBy(row => (DateTime)row[table.TimeOrdinal]!))
        {
            var postings = delivery.Select(row => (DateTime)row[table.Ordinal("PostedUtc")]!).ToList();
            var gate = ErcotTime.GateClosureUtc(ErcotTime.ToErcotHour(delivery.Key).DeliveryDate);
            Assert.True(postings.Count >= 5, $"{delivery.Key:O}: {postings.Count} postings");
            Assert.Contains(postings, posted => posted < gate && gate - posted < TimeSpan.FromMinutes(6));
            var actual = Assert.Single(delivery, row => row[table.Ordinal("SYSTEM_WIDE_GEN")] is not null);
            Assert.True((DateTime)actual[table.Ordinal("PostedUtc")]! > delivery.Key.AddHours(1));
        }
    }

    private static T Get<T>(ErcotTable table, object?[] row, string column) => (T)row[table.Ordinal(column)]!;
}

using Ercot.Core.Replica;
using Ercot.Core.Schema;
using Ercot.Core.Simulation;
using Ercot.Core.Sources;
using Ercot.Core.Time;
using Ercot.Tests.Infrastructure;

namespace Ercot.Tests.Core.Replica;

public sealed class MarketReplicaTests
{
    private static readonly DateOnly Origin = new(2024, 10, 28);

    /// <summary>Instants to stop at: before and after the DAM results, inside a SCED interval, across the fall-back night, a posting minute.</summary>
    public static TheoryData<string> Instants => ["2024-11-01T18:29:00Z", "2024-11-01T18:31:00Z", "2024-11-03T06:37:12Z", "2024-11-03T08:10:00Z", "2024-11-04T14:55:40Z"];

    [Theory]
    [MemberData(nameof(Instants))]
    public async Task AtAnyInstant_TheStoreHoldsExactlyWhatErcotHadPublishedByThen(string instant)
    {
        var now = DateTime.Parse(instant, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        using var folder = new TemporaryFolder();
        var store = new DuckDbErcotStore(Path.Combine(folder.Path, "live.duckdb"));
        var replica = await MarketReplica.CreateAsync(store, Path.Combine(folder.Path, "live.duckdb.replica.json"), 4, SimulatedMarket.Select("2"), Origin, CancellationToken.None);
        // Published in steps, as the running service does: the result must not depend on how the time was cut.
        foreach (var step in new[] { now.AddDays(-2).AddMinutes(-7), now.AddHours(-5).AddSeconds(-13), now.AddMinutes(-4), now })
        {
            await replica.PublishToAsync(step);
        }
        // What ERCOT had published by then: the whole simulated market, filtered by each row's publication time.
        var whole = new DuckDbErcotStore(Path.Combine(folder.Path, "whole.duckdb"));
        await whole.InitializeAsync();
        await new MarketSimulator(whole).RunAsync(new SimulationRequest(Origin, ErcotTime.ToErcotHour(now).DeliveryDate.AddDays(3), SimulatedMarket.Select("2"), 4));

        foreach (var table in ErcotTables.All)
        {
            var live = await RowsAsync(store, table);
            Assert.All(live, row => Assert.True(ErcotPublication.PublishedUtc(table, row) <= now, $"{table.Name}: a row published at {ErcotPublication.PublishedUtc(table, row):u} is in the store at {now:u}"));
            var expected = (await RowsAsync(whole, table)).Where(row => ErcotPublication.PublishedUtc(table, row) <= now).ToList();
            Assert.Equal(expected.Count, live.Count);
            Assert.Equal(expected, live);
        }
        Assert.NotEmpty(await RowsAsync(store, ErcotTables.DamSettlementPointPrices));
        Assert.Equal(now, replica.State!.PublishedThroughUtc);
    }

    [Fact]
    public async Task TomorrowsDamPrices_AppearAt1330Central_NotBefore()
    {
        using var folder = new TemporaryFolder();
        var store = new DuckDbErcotStore(Path.Combine(folder.Path, "live.duckdb"));
        var replica = await MarketReplica.CreateAsync(store, Path.Combine(folder.Path, "state.json"), 1, SimulatedMarket.Select("1"), Origin, CancellationToken.None);
        var publication = ErcotTime.LocalClockToUtc(new DateTime(2024, 11, 5, 13, 30, 0), false);
        var tomorrow = ErcotTime.DayStartUtc(new DateOnly(2024, 11, 6));

        await replica.PublishToAsync(publication.AddSeconds(-1));
        var before = await store.GetExtentAsync(ErcotTables.DamSettlementPointPrices);
        await replica.PublishToAsync(publication);
        var after = await store.GetExtentAsync(ErcotTables.DamSettlementPointPrices);

        Assert.True(before.LastUtc < tomorrow, $"DAM of 2024-11-06 visible before 13:30 on 2024-11-05 (last {before.LastUtc:u})");
        Assert.True(after.LastUtc >= tomorrow, "DAM of 2024-11-06 missing at 13:30 on 2024-11-05");
        Assert.Equal(before.Rows + 24, after.Rows);
    }

    private static async Task<List<object?[]>> RowsAsync(DuckDbErcotStore store, ErcotTable table)
    {
        var rows = new List<object?[]>();
        await foreach (var row in store.ReadAsync(table, DateTime.MinValue, DateTime.MaxValue))
        {
            rows.Add(row);
        }
        // In a fixed order: rows of one instant come back in no particular order.
        return [.. rows.OrderBy(row => string.Join('|', row.Select(value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture))), StringComparer.Ordinal)];
    }
}

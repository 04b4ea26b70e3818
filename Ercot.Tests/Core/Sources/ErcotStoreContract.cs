using Ercot.Core.Schema;
using Ercot.Core.Sources;

namespace Ercot.Tests.Core.Sources;

/// <summary>What every source store promises, run against DuckDB always and SQL Server when one is configured.</summary>
public abstract class ErcotStoreContract : IAsyncLifetime
{
    protected abstract IErcotStore Store { get; }

    protected virtual string? SkipReason => null;

    /// <summary>Empties every table, for stores that outlive a test.</summary>
    protected virtual Task ClearAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        if (SkipReason is null)
        {
            await Store.InitializeAsync();
            await ClearAsync();
        }
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Tables => [.. ErcotTables.All.Select(table => table.Name)];

    private static ErcotTable Table(string name) => ErcotTables.All.Single(table => table.Name == name);

    [SkippableTheory]
    [MemberData(nameof(Tables))]
    public async Task EveryTable_RoundTripsItsRows_InTimeOrder(string name)
    {
        SkipUnlessAvailable();
        var table = Table(name);
        var rows = SyntheticRows.For(table, 30);

        var result = await Store.UpsertAsync(table, [.. rows.AsEnumerable().Reverse()]);
        var read = await ReadAllAsync(table);

        Assert.Equal(new UpsertResult(table, 30, 30, 0), result);
        Assert.Equal(rows, read);
        Assert.Equal(new TableExtent(30, SyntheticRows.BaseUtc, SyntheticRows.BaseUtc.AddHours(29)), await Store.GetExtentAsync(table));
    }

    [SkippableFact]
    public async Task UpsertingTheSameKeys_ReplacesValues_WithoutAddingRows()
    {
        SkipUnlessAvailable();
        var table = ErcotTables.DamSettlementPointPrices;
        await Store.UpsertAsync(table, SyntheticRows.For(table, 20));
        var corrected = SyntheticRows.For(table, 20, scale: 2.0);

        var result = await Store.UpsertAsync(table, corrected);

        Assert.Equal(20, result.RowsReplaced);
        Assert.Equal(0, result.RowsInserted);
        Assert.Equal(corrected, await ReadAllAsync(table));
    }

    [SkippableFact]
    public async Task RepeatedKeysWithinABatch_KeepTheLastRow()
    {
        SkipUnlessAvailable();
        var table = ErcotTables.LoadByForecastZone;
        var first = SyntheticRows.Row(table, 3);
        var last = SyntheticRows.Row(table, 3, scale: 7.0);

        var result = await Store.UpsertAsync(table, [first, last]);

        Assert.Equal(1, result.RowsWritten);
        Assert.Equal([last], await ReadAllAsync(table));
    }

    [SkippableFact]
    public async Task Reads_AreHalfOpenTimeRanges()
    {
        SkipUnlessAvailable();
        var table = ErcotTables.ScedLmp;
        await Store.UpsertAsync(table, SyntheticRows.For(table, 48));

        var slice = await ReadAllAsync(table, SyntheticRows.BaseUtc.AddHours(10), SyntheticRows.BaseUtc.AddHours(20));

        Assert.Equal(10, slice.Count);
        Assert.Equal(SyntheticRows.BaseUtc.AddHours(10), slice[0][table.TimeOrdinal]);
        Assert.Equal(SyntheticRows.BaseUtc.AddHours(19), slice[^1][table.TimeOrdinal]);
    }

    [SkippableFact]
    public async Task ABatchTheDatabaseRejects_WritesNothing_AndKeepsWhatWasThere()
    {
        SkipUnlessAvailable();
        var table = ErcotTables.RealTimeSettlementPointPrices;
        var existing = SyntheticRows.For(table, 10);
        await Store.UpsertAsync(table, existing);
        var batch = SyntheticRows.For(table, 20, scale: 3.0);
        batch[15][table.Ordinal("SettlementPointPrice")] = null; // NOT NULL in every dialect

        await Assert.ThrowsAnyAsync<Exception>(() => Store.UpsertAsync(table, batch));

        Assert.Equal(existing, await ReadAllAsync(table));
    }

    [SkippableFact]
    public async Task Initialize_IsIdempotent_AndKeepsRows()
    {
        SkipUnlessAvailable();
        var table = ErcotTables.WindHourly;
        await Store.UpsertAsync(table, SyntheticRows.For(table, 5));

        await Store.InitializeAsync();

        Assert.Equal(5, (await Store.GetExtentAsync(table)).Rows);
        Assert.Equal(new TableExtent(0, null, null), await Store.GetExtentAsync(ErcotTables.ShadowPrices));
    }

    private void SkipUnlessAvailable() => Skip.If(SkipReason is not null, SkipReason);

    private async Task<List<object?[]>> ReadAllAsync(ErcotTable table, DateTime? from = null, DateTime? to = null)
    {
        var rows = new List<object?[]>();
        await foreach (var row in Store.ReadAsync(table, from ?? DateTime.MinValue, to ?? DateTime.MaxValue))
        {
            rows.Add(row);
        }
        return rows;
    }
}

using System.Globalization;
using Ercot.Core.Schema;
using Ercot.Core.Schema.Features;
using Ercot.Core.Sources;
using Ercot.Core.Time;
using Ercot.Tests.Core.Simulation;
using Ercot.Tests.Infrastructure;

namespace Ercot.Tests.Features;

/// <summary>
/// Leakage, as a property: the features of operating day D are a function of what was public before
/// D's gate (10:00 Central on D−1) and of nothing else. Publication times come from
/// <see cref="ErcotPublication"/>, independently of the pipeline's SQL.
/// </summary>
public sealed class FeatureLeakageTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Theory]
    [InlineData("2024-03-10")]
    [InlineData("2024-07-16")]
    [InlineData("2024-11-03")]
    public async Task FeaturesOfADay_IgnoreEverythingPublishedAfterItsGate_AndUseWhatCameBefore(string day)
    {
        var d = DateOnly.Parse(day, CultureInfo.InvariantCulture);
        var gate = ErcotTime.GateClosureUtc(d);
        using var simulation = await SimulatedStore.CreateAsync(new DateOnly(d.Year, d.Month, 1).AddDays(-40), d.AddDays(2), "2", seed: 17);
        var tables = await WithOnePointPricedHourlyAsync(simulation);

        var original = await FeaturesOfAsync(await CopyAsync(tables, _ => false, Change.Perturb, "original"), d, "original");
        var changedAfter = await FeaturesOfAsync(await CopyAsync(tables, published => published > gate, Change.Perturb, "after"), d, "after");
        var removedAfter = await FeaturesOfAsync(await CopyAsync(tables, published => published > gate, Change.Remove, "removed"), d, "removed");
        var changedBefore = await FeaturesOfAsync(await CopyAsync(tables, published => published <= gate, Change.Perturb, "before"), d, "before");

        Assert.Equal(ErcotTime.HoursInDay(d) * 2, original.Features.Count);
        Assert.NotEqual(original.Targets, changedAfter.Targets); // the change reached day D's own prices...
        Assert.Empty(Differing(original.Features, changedAfter.Features)); // ...and no feature of D noticed
        Assert.Empty(Differing(original.Features, removedAfter.Features));
        Assert.NotEqual(original.Features, changedBefore.Features);
        var changed = Differing(original.Features, changedBefore.Features).Count;
        Assert.True(changed > FeatureCatalog.All.Count / 2, $"only {changed} features moved when the data before the gate changed");
    }

    /// <summary>The names of the features whose values differ between two builds of the same hours.</summary>
    private static List<string> Differing(List<object?[]> first, List<object?[]> second)
    {
        Assert.Equal(first.Count, second.Count);
        return [.. FeatureCatalog.All.Where((_, i) => first.Zip(second).Any(pair => !Equals(pair.First[i], pair.Second[i]))).Select(feature => feature.Name)];
    }

    private enum Change
    {
        Perturb,
        Remove,
    }

    /// <summary>
    /// The simulation's rows, except that the second point's real-time prices are published the way many real
    /// points' history is: only as hourly settlement prices (DAM SPP and the hour's mean RT SPP), no 15-minute rows.
    /// </summary>
    private static async Task<Dictionary<ErcotTable, List<object?[]>>> WithOnePointPricedHourlyAsync(SimulatedStore simulation)
    {
        var tables = new Dictionary<ErcotTable, List<object?[]>>();
        foreach (var table in ErcotTables.All)
        {
            tables[table] = await simulation.RowsAsync(table);
        }
        var rt = ErcotTables.RealTimeSettlementPointPrices;
        var dam = ErcotTables.DamSettlementPointPrices;
        var hourly = ErcotTables.HourlySettlementPointPrices;
        var point = tables[dam].Select(row => (string)row[dam.Ordinal("SettlementPoint")]!).Distinct().Order(StringComparer.Ordinal).Last();
        var rtOfPoint = tables[rt].Where(row => (string)row[rt.Ordinal("SettlementPointName")]! == point && (string)row[rt.Ordinal("SettlementPointType")]! != "LZEW").ToList();
        var meanByHour = rtOfPoint.GroupBy(row => HourOf((DateTime)row[rt.TimeOrdinal]!))
            .ToDictionary(hour => hour.Key, hour => hour.Average(row => (double)row[rt.Ordinal("SettlementPointPrice")]!));
        tables[rt] = [.. tables[rt].Where(row => (string)row[rt.Ordinal("SettlementPointName")]! != point)];
        tables[hourly] = [.. tables[dam].Where(row => (string)row[dam.Ordinal("SettlementPoint")]! == point).Select(row =>
        {
            var copy = hourly.NewRow();
            foreach (var column in new[] { "DeliveryDate", "HourEnding", "DSTFlag", "SettlementPoint" })
            {
                copy[hourly.Ordinal(column)] = row[dam.Ordinal(column)];
            }
            copy[hourly.Ordinal("DamSettlementPointPrice")] = row[dam.Ordinal("SettlementPointPrice")];
            copy[hourly.Ordinal("RtSettlementPointPrice")] = meanByHour.TryGetValue((DateTime)row[dam.TimeOrdinal]!, out var mean) ? mean : null;
            copy[hourly.TimeOrdinal] = row[dam.TimeOrdinal];
            return copy;
        })];
        tables[dam] = [.. tables[dam].Where(row => (string)row[dam.Ordinal("SettlementPoint")]! != point)];
        return tables;
    }

    private static DateTime HourOf(DateTime instant) => new(instant.Ticks - instant.Ticks % TimeSpan.TicksPerHour, instant.Kind);

    /// <summary>
    /// A store of the rows with the values published when <paramref name="chosen"/> says changed, or removed (a row
    /// whose every value is chosen goes; a value published later than the rest of its row becomes null).
    /// </summary>
    private async Task<IErcotStore> CopyAsync(Dictionary<ErcotTable, List<object?[]>> tables, Func<DateTime, bool> chosen, Change change, string name)
    {
        var copy = new DuckDbErcotStore(Path.Combine(_folder.Path, name + ".duckdb"));
        await copy.InitializeAsync();
        foreach (var (table, source) in tables)
        {
            var values = Enumerable.Range(0, table.Columns.Count)
                .Where(c => table.Columns[c].Type == ColumnType.Real && !table.KeyOrdinals.Contains(c)).ToList();
            var rows = new List<object?[]>();
            foreach (var row in source)
            {
                var changed = values.Where(c => chosen(ErcotPublication.PublishedUtc(table, row, table.Columns[c].Name))).ToList();
                if (change == Change.Remove && changed.Count == values.Count && chosen(ErcotPublication.PublishedUtc(table, row)))
                {
                    continue;
                }
                var result = (object?[])row.Clone();
                foreach (var c in changed)
                {
                    result[c] = change == Change.Remove ? null : result[c] is double value ? value * 1.7 + 13 : null;
                }
                rows.Add(result);
            }
            await copy.UpsertAsync(table, rows);
        }
        return copy;
    }

    private async Task<(List<object?[]> Features, List<object?> Targets)> FeaturesOfAsync(IErcotStore store, DateOnly day, string name)
    {
        var folder = Path.Combine(_folder.Path, "artifacts-" + name);
        await FeatureFiles.BuildAsync(store, folder, day, day);
        var rows = await FeatureFiles.ReadAsync(folder, $"delivery_date = DATE '{day:yyyy-MM-dd}'");
        return (
            rows.Select(row => FeatureCatalog.All.Select(feature => row[feature.Name]).ToArray()).ToList(),
            rows.Select(row => row["dart"]).ToList());
    }

    public void Dispose() => _folder.Dispose();
}

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

        var original = await FeaturesOfAsync(simulation.Store, d, "original");
        var changedAfter = await FeaturesOfAsync(await CopyAsync(simulation, published => published > gate, Change.Perturb, "after"), d, "after");
        var removedAfter = await FeaturesOfAsync(await CopyAsync(simulation, published => published > gate, Change.Remove, "removed"), d, "removed");
        var changedBefore = await FeaturesOfAsync(await CopyAsync(simulation, published => published <= gate, Change.Perturb, "before"), d, "before");

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

    /// <summary>A copy of the simulated store with the chosen rows' measured values changed, or the rows removed.</summary>
    private async Task<IErcotStore> CopyAsync(SimulatedStore simulation, Func<DateTime, bool> chosen, Change change, string name)
    {
        var copy = new DuckDbErcotStore(Path.Combine(_folder.Path, name + ".duckdb"));
        await copy.InitializeAsync();
        foreach (var table in ErcotTables.All)
        {
            var rows = new List<object?[]>();
            foreach (var row in await simulation.RowsAsync(table))
            {
                if (!chosen(ErcotPublication.PublishedUtc(table, row)))
                {
                    rows.Add(row);
                }
                else if (change == Change.Perturb)
                {
                    var perturbed = (object?[])row.Clone();
                    for (var c = 0; c < table.Columns.Count; c++)
                    {
                        if (table.Columns[c].Type == ColumnType.Real && !table.KeyOrdinals.Contains(c) && perturbed[c] is double value)
                        {
                            perturbed[c] = value * 1.7 + 13;
                        }
                    }
                    rows.Add(perturbed);
                }
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

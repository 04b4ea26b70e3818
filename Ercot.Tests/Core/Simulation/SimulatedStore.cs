using Ercot.Core.Schema;
using Ercot.Core.Simulation;
using Ercot.Core.Sources;
using Ercot.Tests.Infrastructure;

namespace Ercot.Tests.Core.Simulation;

/// <summary>A simulation written into a DuckDB store of its own, with helpers to read it back.</summary>
public sealed class SimulatedStore : IDisposable
{
    private readonly TemporaryFolder _folder;

    private SimulatedStore(TemporaryFolder folder)
    {
        _folder = folder;
        Store = new DuckDbErcotStore(DatabasePath);
    }

    public DuckDbErcotStore Store { get; }

    public string DatabasePath => Path.Combine(_folder.Path, "sim.duckdb");

    public string Folder => _folder.Path;

    public SimulationReport Report { get; private set; } = null!;

    public static async Task<SimulatedStore> CreateAsync(DateOnly from, DateOnly to, string points, ulong seed)
    {
        var simulated = new SimulatedStore(new TemporaryFolder());
        await simulated.Store.InitializeAsync();
        simulated.Report = await new MarketSimulator(simulated.Store).RunAsync(new SimulationRequest(from, to, SimulatedMarket.Select(points), seed));
        return simulated;
    }

    public async Task<List<object?[]>> RowsAsync(ErcotTable table)
    {
        var rows = new List<object?[]>();
        await foreach (var row in Store.ReadAsync(table, DateTime.MinValue, DateTime.MaxValue))
        {
            rows.Add(row);
        }
        return rows;
    }

    public void Dispose() => _folder.Dispose();
}

namespace Ercot.Core.Simulation;

/// <summary>What to simulate: operating days <see cref="From"/> to <see cref="To"/> (inclusive), the settlement points, the seed.</summary>
public sealed record SimulationRequest(DateOnly From, DateOnly To, IReadOnlyList<SimulatedPoint> Points, ulong Seed)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
}

/// <summary>Days simulated so far and rows written.</summary>
public readonly record struct SimulationProgress(int DaysDone, int DaysTotal, long RowsWritten);

/// <summary>Rows written per table, and how long it took.</summary>
public sealed record SimulationReport(IReadOnlyDictionary<string, long> RowsPerTable, TimeSpan Duration)
{
    public long Rows => RowsPerTable.Values.Sum();
}

namespace Ercot.Core.Simulation;

/// <summary>
/// What to simulate: operating days <see cref="From"/> to <see cref="To"/> (inclusive), the settlement points, the seed;
/// and, for a live replica, which rows to write: only those ERCOT publishes (<see cref="Schema.ErcotPublication"/>) after
/// <see cref="PublishedAfterUtc"/> and by <see cref="PublishedByUtc"/> (either bound open when null).
/// </summary>
public sealed record SimulationRequest(DateOnly From, DateOnly To, IReadOnlyList<SimulatedPoint> Points, ulong Seed)
{
    public DateTime? PublishedAfterUtc { get; init; }

    public DateTime? PublishedByUtc { get; init; }

    /// <summary>Whether a row published at <paramref name="publishedUtc"/> is to be written.</summary>
    public bool Publishes(DateTime publishedUtc) =>
        (PublishedAfterUtc is not { } after || publishedUtc > after) && (PublishedByUtc is not { } by || publishedUtc <= by);

    public int Days => To.DayNumber - From.DayNumber + 1;
}

/// <summary>Days simulated so far and rows written.</summary>
public readonly record struct SimulationProgress(int DaysDone, int DaysTotal, long RowsWritten);

/// <summary>Rows written per table, and how long it took.</summary>
public sealed record SimulationReport(IReadOnlyDictionary<string, long> RowsPerTable, TimeSpan Duration)
{
    public long Rows => RowsPerTable.Values.Sum();
}

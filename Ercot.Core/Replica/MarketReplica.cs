using System.Diagnostics;
using Ercot.Core.Simulation;
using Ercot.Core.Sources;
using Ercot.Core.Time;

namespace Ercot.Core.Replica;

/// <summary>
/// A live ERCOT market on the embedded default: each report reaches the source store at its own publication time
/// (<see cref="Schema.ErcotPublication"/>) — DAM and AS prices at 13:30 the day before delivery, SCED and 15-minute
/// prices minutes after each interval, wind and solar vintages at their postings, actual load the next operating
/// day. <see cref="PublishToAsync"/> writes what was published since the last call, so at any instant the store holds
/// exactly what ERCOT would have published by then. The simulator makes a day's rows from that day alone, so the
/// replica simulates only the few days whose reports fall in the window; writes are keyed upserts and the state is
/// saved after them, so a crash part-way only publishes the same rows again.
/// </summary>
public sealed class MarketReplica(IErcotStore store, string statePath)
{
    /// <summary>Catching up, the replica publishes at most this much ERCOT time per simulation, so memory stays flat.</summary>
    public static readonly TimeSpan Chunk = TimeSpan.FromDays(92);

    /// <summary>A day's reports appear from two days before it (the first forecast vintages) to three days after (the "actual" posting).</summary>
    private const int DaysBefore = 2, DaysAfter = 3;

    public string StatePath { get; } = statePath;

    public ReplicaState? State => ReplicaState.Read(StatePath);

    /// <summary>Starts a replica on an empty store: nothing published yet, the market beginning on <paramref name="origin"/>.</summary>
    public static async Task<MarketReplica> CreateAsync(IErcotStore store, string statePath, ulong seed, IReadOnlyList<SimulatedPoint> points, DateOnly origin, CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        new ReplicaState(seed, [.. points.Select(point => point.Name)], origin, PublishedThroughUtc: null).Write(statePath);
        return new MarketReplica(store, statePath);
    }

    /// <summary>Publishes every report made public after the last publication and by <paramref name="nowUtc"/>, a chunk at a time.</summary>
    public async Task<ReplicaStep> PublishToAsync(DateTime nowUtc, IProgress<ReplicaStep>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var state = State ?? throw new InvalidOperationException($"No market replica state at {StatePath}: the store was not written by the replica.");
        var points = SimulatedMarket.Select(string.Join(',', state.Points));
        var start = state.PublishedThroughUtc;
        long rows = 0;
        while (state.PublishedThroughUtc is not { } through || through < nowUtc)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var after = state.PublishedThroughUtc;
            var from = after ?? ErcotTime.DayStartUtc(state.Origin.AddDays(-DaysBefore));
            var by = nowUtc - from > Chunk ? from + Chunk : nowUtc;
            var firstDay = after is { } known ? Max(state.Origin, Day(known).AddDays(-DaysAfter)) : state.Origin;
            var lastDay = Day(by).AddDays(DaysBefore);
            if (firstDay <= lastDay)
            {
                var report = await new MarketSimulator(store).RunAsync(
                    new SimulationRequest(firstDay, lastDay, points, state.Seed) { PublishedAfterUtc = after, PublishedByUtc = by }, null, cancellationToken);
                rows += report.Rows;
            }
            state = state with { PublishedThroughUtc = by };
            state.Write(StatePath);
            progress?.Report(new ReplicaStep(after, by, rows, clock.Elapsed));
        }
        return new ReplicaStep(start, state.PublishedThroughUtc!.Value, rows, clock.Elapsed);
    }

    private static DateOnly Day(DateTime utc) => ErcotTime.ToErcotHour(utc).DeliveryDate;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

using System.CommandLine;
using System.Globalization;
using Ercot.Core.Schema;
using Ercot.Core.Simulation;

namespace Ercot.Cli.Commands;

/// <summary><c>ercot simulate</c>: a seeded ERCOT market into the source tables.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var from = new Option<DateOnly>("--from") { Description = "First operating day (yyyy-MM-dd).", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Last operating day, inclusive (yyyy-MM-dd).", Required = true };
        var points = new Option<string>("--points")
        {
            Description = "How many settlement points (1-15, the five trading hubs first) or their names, comma-separated (HB_NORTH,LZ_WEST).",
            DefaultValueFactory = _ => "5",
        };
        var seed = new Option<ulong>("--seed") { Description = "Seed: the same seed and range always give the same rows.", DefaultValueFactory = _ => 1 };
        var ifEmpty = new Option<bool>("--if-empty") { Description = "Do nothing when the store already holds DAM prices (for first-start scripts)." };
        var store = StoreOption.Create();
        var command = new Command("simulate",
            "Simulate an ERCOT market and write all source tables: load by zone, DAM and real-time prices, SCED LMPs and shadow prices, " +
            "wind and solar actuals and forecast vintages, AS prices. ERCOT's conventions throughout (DST days, HE 24, irregular SCED runs, " +
            "15-minute intervals, postings before the 10:00 gate). Writes a month at a time; re-running replaces rows by key.")
        {
            from, to, points, seed, ifEmpty, store,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(from), parse.GetValue(to), parse.GetValue(points)!, parse.GetValue(seed), parse.GetValue(ifEmpty),
            parse.GetValue(store)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        DateOnly from, DateOnly to, string pointSpec, ulong seed, bool ifEmpty, string storePath, CancellationToken cancellationToken)
    {
        IReadOnlyList<SimulatedPoint> points;
        try
        {
            points = SimulatedMarket.Select(pointSpec);
            if (to < from)
            {
                throw new ArgumentException($"--to {to:yyyy-MM-dd} comes before --from {from:yyyy-MM-dd}.");
            }
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.Usage;
        }

        var store = StoreOption.Open(storePath);
        try
        {
            await store.InitializeAsync(cancellationToken);
            if (ifEmpty && (await store.GetExtentAsync(ErcotTables.DamSettlementPointPrices, cancellationToken)).Rows > 0)
            {
                Console.WriteLine($"{store.Location} already holds DAM prices; nothing simulated.");
                return ExitCodes.Success;
            }
            var request = new SimulationRequest(from, to, points, seed);
            using var progress = new ConsoleProgress();
            var report = await new MarketSimulator(store).RunAsync(request, progress, cancellationToken);
            Print(report, request, store.Location);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Simulation cancelled; months already written stay.");
            return ExitCodes.Cancelled;
        }
        catch (System.Data.Common.DbException e)
        {
            await Console.Error.WriteLineAsync($"The store failed ({store.Location}): {e.Message}");
            return ExitCodes.StoreFailed;
        }
    }

    private static void Print(SimulationReport report, SimulationRequest request, string location)
    {
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine($"Simulated {request.From:yyyy-MM-dd}..{request.To:yyyy-MM-dd}, {request.Points.Count} points, seed {request.Seed}, into {location}");
        Console.WriteLine();
        foreach (var (table, rows) in report.RowsPerTable.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Format(invariant, "{0,-66} {1,12:N0}", table, rows));
        }
        var seconds = report.Duration.TotalSeconds;
        Console.WriteLine(string.Format(invariant, "{0:N0} rows in {1:F1} s ({2:N0} rows/s).", report.Rows, seconds, report.Rows / Math.Max(seconds, 0.001)));
    }
}

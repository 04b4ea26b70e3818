using System.CommandLine;
using System.Globalization;
using Ercot.Core.Replica;
using Ercot.Core.Schema;
using Ercot.Core.Simulation;
using Ercot.Core.Sources;

namespace Ercot.Cli.Commands;

/// <summary>
/// <c>ercot market</c>: the live market replica of the embedded default, published up to now. On an empty store it starts
/// one (the market beginning <c>--years</c> back); on a store it started, it catches up; on any other store it refuses.
/// </summary>
internal static class MarketCommand
{
    public static Command Create()
    {
        var points = new Option<string>("--points") { Description = "Settlement points of a new market: a count (1-15, the trading hubs first) or names.", DefaultValueFactory = _ => "5" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of a new market.", DefaultValueFactory = _ => 1 };
        var years = new Option<int>("--years") { Description = "Years of history a new market starts with (1-10).", DefaultValueFactory = _ => 2 };
        var store = StoreOption.Create();
        var command = new Command("market",
            "Publish the live market replica into the embedded store up to now: every ERCOT report that would have been public by now, " +
            "none later (DAM at 13:30 the day before, real-time minutes after each interval, forecast vintages at their postings, load the next day). " +
            "Starts a market on an empty store; the Features service keeps it going while the application runs.")
        {
            points, seed, years, store,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(points)!, parse.GetValue(seed), parse.GetValue(years), parse.GetValue(store)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string pointSpec, ulong seed, int years, string storePath, CancellationToken cancellationToken)
    {
        if (StoreOption.Open(storePath) is not DuckDbErcotStore store)
        {
            await Console.Error.WriteLineAsync($"{StoreOption.SqlServerVariable} is set: SQL Server holds ERCOT's own data, and nothing is simulated into it.");
            return ExitCodes.Usage;
        }
        if (years is < 1 or > 10)
        {
            await Console.Error.WriteLineAsync($"--years {years}: choose 1..10.");
            return ExitCodes.Usage;
        }
        var statePath = ReplicaState.PathFor(store.DatabasePath);
        try
        {
            MarketReplica replica;
            if (File.Exists(statePath))
            {
                replica = new MarketReplica(store, statePath);
            }
            else
            {
                await store.InitializeAsync(cancellationToken);
                if ((await store.GetExtentAsync(ErcotTables.DamSettlementPointPrices, cancellationToken)).Rows > 0)
                {
                    await Console.Error.WriteLineAsync(
                        $"{store.Location} holds data the market replica did not write (no {Path.GetFileName(statePath)} beside it); nothing simulated into it. " +
                        "Use another --store, or delete the file to start a simulated market.");
                    return ExitCodes.InputRejected;
                }
                var points = SimulatedMarket.Select(pointSpec);
                var today = Core.Time.ErcotTime.ToErcotHour(DateTime.UtcNow).DeliveryDate;
                replica = await MarketReplica.CreateAsync(store, statePath, seed, points, today.AddYears(-years), cancellationToken);
                Console.WriteLine($"Started a simulated market of {points.Count} point(s), seed {seed}, from {today.AddYears(-years):yyyy-MM-dd}, in {store.Location}");
            }
            var step = await replica.PublishToAsync(DateTime.UtcNow, null, cancellationToken);
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "Market published through {0:yyyy-MM-dd HH:mm:ss} UTC: {1:N0} rows in {2:F1} s.", step.ThroughUtc, step.Rows, step.Duration.TotalSeconds));
            return ExitCodes.Success;
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled; what was published stays, and the next run carries on from there.");
            return ExitCodes.Cancelled;
        }
        catch (System.Data.Common.DbException e)
        {
            await Console.Error.WriteLineAsync($"The store failed ({store.Location}): {e.Message}");
            return ExitCodes.StoreFailed;
        }
    }
}

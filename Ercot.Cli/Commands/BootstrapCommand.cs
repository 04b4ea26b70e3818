using System.CommandLine;
using System.Diagnostics;
using Ercot.Core.Storage;
using Ercot.Core.Time;
using Ercot.Models.Registry;

namespace Ercot.Cli.Commands;

/// <summary>
/// <c>ercot bootstrap</c>: what a first start on the embedded default needs to end in a forecast. Each step is one of
/// the other commands and is skipped when already done, so <c>./run.sh</c> runs it on every start.
/// </summary>
internal static class BootstrapCommand
{
    /// <summary>Trading hubs simulated, and the months of features the first models learn from.</summary>
    public const int Points = 5, TrainingMonths = 13;

    public static Command Create(Func<string[], Task<int>> run)
    {
        var store = StoreOption.Create();
        var artifacts = new Option<string>("--artifacts") { Description = $"Artifact folder for features/ and models/ (default: {BuildFeaturesCommand.DefaultArtifacts}).", DefaultValueFactory = _ => BuildFeaturesCommand.DefaultArtifacts };
        var command = new Command("bootstrap",
            $"First start: start the live market replica with two years of the {Points} trading hubs up to now in an empty store (or catch it up), then, while the model registry has no " +
            $"champion, build the features of the last {TrainingMonths} months up to tomorrow and train every model on them. Steps already done are skipped.")
        {
            store, artifacts,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(run, parse.GetValue(store)!, parse.GetValue(artifacts)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Func<string[], Task<int>> run, string store, string artifacts, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var today = ErcotTime.ToErcotHour(DateTime.UtcNow).DeliveryDate;
        string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var simulated = await run(["market", "--years", "2", "--points", $"{Points}", "--seed", "1", "--store", store]);
        if (simulated != ExitCodes.Success)
        {
            return simulated;
        }
        if ((await new ModelRegistry(new LocalArtifactStore(artifacts)).ReadChampionsAsync(cancellationToken)).Models.Count > 0)
        {
            Console.WriteLine($"The registry in {artifacts} has a champion; nothing to train.");
            return ExitCodes.Success;
        }
        Console.WriteLine("No champion yet: building features and training the first models (once) ...");
        var from = today.AddMonths(-TrainingMonths);
        var built = await run(["build-features", "--from", Day(from), "--to", Day(today.AddDays(1)), "--store", store, "--artifacts", artifacts]);
        if (built != ExitCodes.Success)
        {
            return built;
        }
        var trained = await run(["train", "--from", Day(from), "--to", Day(today.AddDays(-1)), "--artifacts", artifacts]);
        if (trained == ExitCodes.Success)
        {
            Console.WriteLine($"First models ready in {clock.Elapsed.TotalSeconds:F0} s.");
        }
        return trained;
    }
}

using Ercot.Training.Runs;
using System.CommandLine;
using System.Globalization;
using Ercot.Core.Storage;
using Ercot.Models.Evaluation;
using Ercot.Models.Registry;
using Ercot.Models;

namespace Ercot.Cli.Commands;

/// <summary><c>ercot train</c>: the Training service's run, in-process, with its metrics table.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var from = new Option<DateOnly>("--from") { Description = "First operating day of the data (yyyy-MM-dd).", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Last operating day of the data, inclusive.", Required = true };
        var models = new Option<string>("--models") { Description = $"Models to train, comma-separated ({string.Join(", ", DartModels.Names)}).", DefaultValueFactory = _ => string.Join(",", DartModels.Names) };
        var validationFrom = new Option<DateOnly?>("--validation-from") { Description = "First day of the validation block (default: 30 days before the test block)." };
        var testFrom = new Option<DateOnly?>("--test-from") { Description = "First day of the test block (default: the last 30 days)." };
        var fixedIterations = new Option<int?>("--fixed-iterations") { Description = "Benchmarks: train exactly this many trees or epochs, default configuration, no search, early stopping or refit." };
        var artifacts = new Option<string>("--artifacts") { Description = $"Artifact folder with features/ and models/ (default: {BuildFeaturesCommand.DefaultArtifacts}).", DefaultValueFactory = _ => BuildFeaturesCommand.DefaultArtifacts };
        var command = new Command("train",
            "Train the DART models on the feature store: time-ordered train/validation/test blocks a day apart, the models in parallel, " +
            "evaluation against the zero and week-ago forecasts with a Diebold–Mariano test, and publication to the model registry " +
            "(champion only if it beats zero and the current champion on the same validation rows).")
        {
            from, to, models, validationFrom, testFrom, fixedIterations, artifacts,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new TrainingRequest(parse.GetValue(from), parse.GetValue(to), parse.GetValue(models)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                parse.GetValue(validationFrom), parse.GetValue(testFrom), parse.GetValue(fixedIterations)),
            parse.GetValue(artifacts)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(TrainingRequest request, string artifactRoot, CancellationToken cancellationToken)
    {
        var store = new LocalArtifactStore(artifactRoot);
        var runner = new TrainingRunner(new FeatureStoreReader(store), new ModelRegistry(store), TimeProvider.System);
        try
        {
            var outcome = await runner.RunAsync(request, new Progress<string>(message => Console.Error.WriteLine(message)), cancellationToken);
            Print(outcome);
            return ExitCodes.Success;
        }
        catch (TrainingDataException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.InputRejected;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Training cancelled; the registry's champions are unchanged.");
            return ExitCodes.Cancelled;
        }
    }

    private static void Print(TrainingOutcome outcome)
    {
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine($"Train {outcome.Split.Train} ({outcome.TrainRows:N0} rows), validation {outcome.Split.Validation} ({outcome.ValidationRows:N0}), test {outcome.Split.Test} ({outcome.TestRows:N0}); {outcome.Seconds:F1} s.");
        Console.WriteLine();
        // DM: negative means better than the zero forecast; p is two-sided.
        Console.WriteLine($"{"test block",-24} {"MAE",8} {"RMSE",9} {"R²",7} {"sign",6} {"rMAE 0",7} {"rMAE wk",8} {"DM",7} {"DM p",8}");
        void Line(string name, ForecastMetrics m) => Console.WriteLine(string.Format(invariant,
            "{0,-24} {1,8:F3} {2,9:F3} {3,7:F3} {4,6:F3} {5,7:F3} {6,8} {7,7:F2} {8,8:F4}",
            name, m.Mae, m.Rmse, m.R2, m.SignAccuracy, m.RelativeMaeVsZero, m.RelativeMaeVsWeekAgo?.ToString("F3", invariant) ?? "-",
            m.DieboldMarianoStatistic, m.DieboldMarianoPValue));
        foreach (var model in outcome.Models)
        {
            Line(model.Model, model.Test.Overall);
            foreach (var (point, metrics) in model.Test.PerSettlementPoint)
            {
                Line("  " + point, metrics);
            }
        }
        Line("ensemble (mean)", outcome.EnsembleTest.Overall);
        Console.WriteLine();
        foreach (var model in outcome.Models)
        {
            Console.WriteLine($"{model.Model} {model.Version}: {model.Role.ToString().ToLowerInvariant()} — {model.RoleReason}");
        }
    }
}

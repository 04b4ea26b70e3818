using System.CommandLine;
using System.Globalization;
using Ercot.Core.Storage;
using Ercot.Models;
using Ercot.Models.Backtesting;

namespace Ercot.Cli.Commands;

/// <summary><c>ercot backtest</c>: a walk-forward backtest over the feature store, with a progress bar and the report.</summary>
internal static class BacktestCommand
{
    public static Command Create()
    {
        var trainFrom = new Option<DateOnly>("--train-from") { Description = "First operating day of training data (yyyy-MM-dd).", Required = true };
        var from = new Option<DateOnly>("--from") { Description = "First test day (yyyy-MM-dd).", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Last test day, inclusive.", Required = true };
        var models = new Option<string>("--models") { Description = $"Models, comma-separated ({string.Join(", ", DartModels.Names)}).", DefaultValueFactory = _ => string.Join(",", DartModels.Names) };
        var refit = new Option<RefitEvery>("--refit") { Description = "Refit every month (default) or week.", DefaultValueFactory = _ => RefitEvery.Month };
        var window = new Option<int?>("--window-days") { Description = "A fixed training window of this many days (default: expanding from --train-from)." };
        var points = new Option<string?>("--points") { Description = "Settlement points, comma-separated (default: every point in the feature store)." };
        var id = new Option<string?>("--id") { Description = "Backtest id: an id given again resumes its finished folds (default: a new one)." };
        var cost = new Option<double>("--cost") { Description = $"Round-trip cost of a virtual bid, $/MWh (default {VirtualBids.DefaultCost}).", DefaultValueFactory = _ => VirtualBids.DefaultCost };
        var theta = new Option<double?>("--theta") { Description = "Bid only where |forecast DART| exceeds this many $/MWh (default: chosen on each fold's validation block)." };
        var sizeByWidth = new Option<bool>("--size-by-width") { Description = "Scale each position by the typical interval width over the row's (0.25–2 MW) instead of 1 MW." };
        var report = new Option<bool>("--report") { Description = "Print the whole Markdown report, not just the pooled table." };
        var artifacts = new Option<string>("--artifacts") { Description = $"Artifact folder with features/ (default: {BuildFeaturesCommand.DefaultArtifacts}); results go to backtests/{{id}}/.", DefaultValueFactory = _ => BuildFeaturesCommand.DefaultArtifacts };
        var command = new Command("backtest",
            "Walk-forward backtest: for each fold (a month or a week) train every model on the past only, forecast the fold, weigh an ensemble on " +
            "validation, and score all of it against the zero forecast, the per-point-and-hour training median and the week-ago value, with " +
            "Diebold–Mariano tests; its 80% intervals and the virtual bids it would have made. Writes backtests/{id}/predictions.parquet, report.json and report.md.")
        {
            trainFrom, from, to, models, refit, window, points, cost, theta, sizeByWidth, id, report, artifacts,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new BacktestRequest(parse.GetValue(trainFrom), parse.GetValue(from), parse.GetValue(to), Split(parse.GetValue(models))!, parse.GetValue(refit),
                parse.GetValue(window), Split(parse.GetValue(points)), parse.GetValue(cost), parse.GetValue(theta), parse.GetValue(sizeByWidth)),
            parse.GetValue(id) ?? $"{DateTime.UtcNow:yyyyMMdd-HHmmss}", parse.GetValue(report), parse.GetValue(artifacts)!, cancellationToken));
        return command;
    }

    private static string[]? Split(string? list) => list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task<int> RunAsync(BacktestRequest request, string id, bool fullReport, string artifactRoot, CancellationToken cancellationToken)
    {
        if (request.Problem() is { } problem)
        {
            await Console.Error.WriteLineAsync(problem);
            return ExitCodes.Usage;
        }
        var store = new LocalArtifactStore(artifactRoot);
        var runner = new BacktestRunner(new FeatureStoreReader(store), store);
        try
        {
            var result = await runner.RunAsync(id, request, new Progress<BacktestProgress>(Draw), cancellationToken);
            Console.Error.WriteLine();
            if (fullReport)
            {
                Console.WriteLine(BacktestMarkdown.Render(result));
            }
            else
            {
                Console.WriteLine(string.Join('\n', BacktestMarkdown.Render(result).Split('\n').TakeWhile(line => !line.StartsWith("## By month", StringComparison.Ordinal))));
            }
            Console.WriteLine($"Written: {artifactRoot}/{BacktestPaths.Folder(id)} (predictions.parquet, report.json, report.md).");
            return ExitCodes.Success;
        }
        catch (TrainingDataException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.InputRejected;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"\nBacktest cancelled; its finished folds are kept: run it again with --id {id} to resume.");
            return ExitCodes.Cancelled;
        }
    }

    private static void Draw(BacktestProgress progress)
    {
        const int width = 30;
        var filled = progress.Folds == 0 ? width : progress.FoldsDone * width / progress.Folds;
        Console.Error.Write(string.Format(CultureInfo.InvariantCulture, "\r[{0}{1}] {2}/{3} folds  {4:yyyy-MM-dd}..{5:yyyy-MM-dd} {6,-8}",
            new string('#', filled), new string('.', width - filled), progress.FoldsDone, progress.Folds, progress.Fold.TestFrom, progress.Fold.TestTo, progress.Stage));
    }
}

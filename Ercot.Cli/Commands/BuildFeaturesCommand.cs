using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ercot.Core.Storage;
using Ercot.Features.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ercot.Cli.Commands;

/// <summary><c>ercot build-features</c>: the Features service's pipeline, run in-process.</summary>
internal static class BuildFeaturesCommand
{
    public const string DefaultArtifacts = ".ercot/artifacts";

    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var from = new Option<DateOnly>("--from") { Description = "First operating day (yyyy-MM-dd); the build starts at its month's first day.", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Last operating day, inclusive (yyyy-MM-dd).", Required = true };
        var artifacts = new Option<string>("--artifacts")
        {
            Description = $"Artifact folder to write features/ into (default: {DefaultArtifacts}, the AppHost's).",
            DefaultValueFactory = _ => DefaultArtifacts,
        };
        var report = new Option<bool>("--report") { Description = "Print the whole build report as JSON." };
        var points = new Option<string?>("--points") { Description = "Settlement points to build, comma-separated (default: every point with a target in the data)." };
        var store = StoreOption.Create();
        var command = new Command("build-features",
            "Build the hourly feature file (features/hourly_features.parquet, one partition per delivery month, and features/schema.json) " +
            "from the source tables, with the same pipeline as the Features service. Every feature uses only what was public before " +
            "10:00 Central on the day before the operating day.")
        {
            from, to, artifacts, report, store, points,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new FeatureBuildRequest(parse.GetValue(from), parse.GetValue(to),
                parse.GetValue(points)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), parse.GetValue(artifacts)!, parse.GetValue(report), parse.GetValue(store)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FeatureBuildRequest request, string artifactRoot, bool fullReport, string storePath, CancellationToken cancellationToken)
    {
        if (request.Problem(DateOnly.FromDateTime(DateTime.UtcNow)) is { } problem)
        {
            await Console.Error.WriteLineAsync(problem);
            return ExitCodes.Usage;
        }
        var store = StoreOption.Open(storePath);
        var builder = new FeatureBuilder(store, new LocalArtifactStore(artifactRoot), TimeProvider.System, NullLogger<FeatureBuilder>.Instance);
        try
        {
            var report = await builder.BuildAsync(request, cancellationToken);
            var invariant = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Format(invariant, "Built {0:N0} feature rows ({1} points, {2} features) for {3:yyyy-MM-dd}..{4:yyyy-MM-dd} in {5:F1} s; schema {6}.",
                report.RowsWritten, report.Points, report.NullSharePerFeature.Count, report.From, report.To, report.DurationSeconds, report.SchemaHash));
            var months = report.MonthsWritten.Count <= 6 ? string.Join(", ", report.MonthsWritten) : $"{report.MonthsWritten.Count} ({report.MonthsWritten[0]}..{report.MonthsWritten[^1]})";
            Console.WriteLine($"Months written: {months}; target sources: {string.Join(", ", report.TargetSources.Select(pair => $"{pair.Key} {pair.Value:N0}"))}.");
            if (fullReport)
            {
                Console.WriteLine(JsonSerializer.Serialize(report, ReportJson));
            }
            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Feature build cancelled; no month was half-written.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.InputRejected;
        }
        catch (System.Data.Common.DbException e)
        {
            await Console.Error.WriteLineAsync($"The build failed ({store.Location}): {e.Message}");
            return ExitCodes.StoreFailed;
        }
    }
}

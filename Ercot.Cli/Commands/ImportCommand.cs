using System.CommandLine;
using System.Globalization;
using Ercot.Core.Import;

namespace Ercot.Cli.Commands;

/// <summary><c>ercot import</c>: ERCOT report files into the source tables.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Report files (.csv, .parquet) or folders to search recursively.",
            Arity = ArgumentArity.OneOrMore,
        };
        var store = StoreOption.Create();
        var command = new Command("import",
            "Load ERCOT's published report files (MIS CSV, public-API CSV, Parquet, native-load CSV, AS prices) into the source tables. " +
            "Formats are recognised by their columns. Each file is validated whole and written in one transaction: a malformed file " +
            "writes nothing and its error names the file, line and column. Importing again replaces rows with the same key.")
        {
            paths,
            store,
        };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(paths)!, parse.GetValue(store)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, string storePath, CancellationToken cancellationToken)
    {
        var store = StoreOption.Open(storePath);
        IReadOnlyList<string> files;
        try
        {
            files = ErcotImporter.Expand(paths);
        }
        catch (FileNotFoundException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.Usage;
        }

        ImportReport report;
        try
        {
            await store.InitializeAsync(cancellationToken);
            using var progress = new ConsoleProgress();
            report = await new ErcotImporter(store).ImportAsync(files, progress, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Import cancelled; files already imported stay, the file in progress wrote nothing.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"The store failed ({store.Location}): {e.Message}");
            return ExitCodes.StoreFailed;
        }

        Print(report, store.Location);
        return report.Succeeded ? ExitCodes.Success : ExitCodes.InputRejected;
    }

    private static void Print(ImportReport report, string location)
    {
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine($"Imported into {location}");
        Console.WriteLine();
        Console.WriteLine($"{"table",-66} {"files",5} {"rows read",12} {"written",12} {"replaced",10}");
        foreach (var table in report.Tables)
        {
            Console.WriteLine(string.Format(invariant, "{0,-66} {1,5} {2,12:N0} {3,12:N0} {4,10:N0}",
                table.Table, table.Files, table.RowsRead, table.RowsWritten, table.RowsReplaced));
        }
        foreach (var skipped in report.Files.Where(file => file.Status == FileImportStatus.Skipped))
        {
            Console.WriteLine($"skipped {Path.GetFileName(skipped.File)}: {skipped.Message}");
        }
        foreach (var failure in report.Failures)
        {
            Console.Error.WriteLine($"rejected {failure.Message}");
        }
        var seconds = report.Duration.TotalSeconds;
        Console.WriteLine(string.Format(invariant, "{0} files, {1:N0} rows in {2:F1} s ({3:N0} rows/s); {4} rejected.",
            report.Files.Count, report.RowsRead, seconds, report.RowsRead / Math.Max(seconds, 0.001), report.Failures.Count()));
    }
}

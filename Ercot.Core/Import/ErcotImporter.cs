using System.Diagnostics;
using Ercot.Core.Sources;

namespace Ercot.Core.Import;

/// <summary>
/// Loads ERCOT report files into the source tables. Each file is read whole and validated before
/// anything is written, then upserted in one transaction: a bad file writes nothing, a good file
/// imported twice leaves the same rows.
/// </summary>
public sealed class ErcotImporter(IErcotStore store)
{
    private static readonly string[] Extensions = [".csv", ".parquet"];

    public async Task<ImportReport> ImportAsync(
        IEnumerable<string> paths, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var total = Stopwatch.StartNew();
        var files = Expand(paths);
        var results = new List<FileImportResult>(files.Count);
        long rowsRead = 0;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new ImportProgress(results.Count, files.Count, file, rowsRead));
            var result = await ImportFileAsync(file, read => progress?.Report(new ImportProgress(results.Count, files.Count, file, rowsRead + read)), cancellationToken);
            rowsRead += result.RowsRead;
            results.Add(result);
        }
        progress?.Report(new ImportProgress(results.Count, files.Count, "", rowsRead));
        return new ImportReport(results, total.Elapsed);
    }

    private async Task<FileImportResult> ImportFileAsync(string file, Action<long> onRecords, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        ReportFormat? format = null;
        try
        {
            format = ReportFormats.Detect(file);
            if (format.SkipReason is not null)
            {
                return new FileImportResult(file, FileImportStatus.Skipped, format.Name, null, 0, 0, 0, clock.Elapsed, format.SkipReason);
            }
            var rows = format.ReadRows(file, onRecords);
            var upsert = await store.UpsertAsync(format.Table!, rows, cancellationToken);
            return new FileImportResult(file, FileImportStatus.Imported, format.Name, format.Table!.Name,
                rows.Count, upsert.RowsWritten, upsert.RowsReplaced, clock.Elapsed);
        }
        catch (ImportException e)
        {
            return Failed(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed($"{Path.GetFileName(file)}: cannot be read: {e.Message}");
        }

        FileImportResult Failed(string message) =>
            new(file, FileImportStatus.Failed, format?.Name, format?.Table?.Name, 0, 0, 0, clock.Elapsed, message);
    }

    /// <summary>Files as given, and the .csv/.parquet files under folders (recursively), in a stable order.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(file => Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"No such file or folder: {path}", path);
            }
        }
        return files;
    }
}

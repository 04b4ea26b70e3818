using System.Diagnostics;
using Ercot.Core.Import;
using Ercot.Core.Simulation;

namespace Ercot.Cli;

/// <summary>A one-line progress bar on standard error, drawn only for a terminal and at most ten times a second.</summary>
internal sealed class ConsoleProgress : IProgress<ImportProgress>, IProgress<SimulationProgress>, IDisposable
{
    private const int Width = 30;
    private readonly Stopwatch _sinceDrawn = Stopwatch.StartNew();
    private readonly bool _enabled = !Console.IsErrorRedirected;
    private bool _drawn;

    public void Report(ImportProgress value) =>
        Draw(value.FilesDone, value.FilesTotal, $"files, {value.RowsRead:N0} rows {Path.GetFileName(value.CurrentFile)}");

    public void Report(SimulationProgress value) =>
        Draw(value.DaysDone, value.DaysTotal, $"days, {value.RowsWritten:N0} rows written");

    private void Draw(int done, int total, string what)
    {
        if (!_enabled || (_drawn && _sinceDrawn.ElapsedMilliseconds < 100 && done < total))
        {
            return;
        }
        var share = total == 0 ? 1 : (double)done / total;
        var filled = (int)Math.Round(share * Width);
        var line = $"[{new string('#', filled)}{new string('.', Width - filled)}] {done}/{total} {what}";
        var width = Math.Max(20, Console.BufferWidth - 1);
        Console.Error.Write("\r" + (line.Length > width ? line[..width] : line.PadRight(width)));
        _drawn = true;
        _sinceDrawn.Restart();
    }

    public void Dispose()
    {
        if (_drawn)
        {
            Console.Error.WriteLine();
        }
    }
}

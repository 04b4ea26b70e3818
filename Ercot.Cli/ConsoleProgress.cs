using System.Diagnostics;
using Ercot.Core.Import;

namespace Ercot.Cli;

/// <summary>A one-line progress bar on standard error, drawn only for a terminal and at most ten times a second.</summary>
internal sealed class ConsoleProgress : IProgress<ImportProgress>, IDisposable
{
    private const int Width = 30;
    private readonly Stopwatch _sinceDrawn = Stopwatch.StartNew();
    private readonly bool _enabled = !Console.IsErrorRedirected;
    private bool _drawn;

    public void Report(ImportProgress value)
    {
        if (!_enabled || (_drawn && _sinceDrawn.ElapsedMilliseconds < 100 && value.FilesDone < value.FilesTotal))
        {
            return;
        }
        var share = value.FilesTotal == 0 ? 1 : (double)value.FilesDone / value.FilesTotal;
        var filled = (int)Math.Round(share * Width);
        var name = Path.GetFileName(value.CurrentFile);
        var line = $"[{new string('#', filled)}{new string('.', Width - filled)}] {value.FilesDone}/{value.FilesTotal} files, {value.RowsRead:N0} rows {name}";
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

namespace Ercot.Core.Storage;

/// <summary>
/// A backtest's files in the artifact store: written by the Training service, read by the CLI and the desk.
/// </summary>
public static class BacktestPaths
{
    /// <summary>The folder every backtest's folder is in.</summary>
    public const string Root = "backtests/";

    public static string Folder(string id) => $"{Root}{id}/";

    public static string Predictions(string id) => $"{Root}{id}/predictions.parquet";

    public static string Report(string id) => $"{Root}{id}/report.json";

    public static string Markdown(string id) => $"{Root}{id}/report.md";
}

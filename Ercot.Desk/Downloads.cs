using System.Text.RegularExpressions;
using Ercot.Desk.Data;

namespace Ercot.Desk;

/// <summary>A backtest's predictions to download, as the Parquet file the backtest wrote or as CSV for a spreadsheet.</summary>
public static partial class Downloads
{
    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/backtests/{id}/predictions.parquet", ParquetAsync);
        app.MapGet("/backtests/{id}/predictions.csv", CsvAsync);
        return app;
    }

    private static async Task<IResult> ParquetAsync(string id, BacktestFiles files, CancellationToken cancellationToken) =>
        BacktestId().IsMatch(id) && await files.OpenPredictionsAsync(id, cancellationToken) is { } stream
            ? Results.File(stream, "application/vnd.apache.parquet", $"backtest-{id}-predictions.parquet")
            : NotFound(id);

    private static async Task CsvAsync(string id, BacktestFiles files, HttpContext context, CancellationToken cancellationToken)
    {
        if (!BacktestId().IsMatch(id))
        {
            await NotFound(id).ExecuteAsync(context);
            return;
        }
        // Written to a buffer first: a half-written CSV must never look like a whole one.
        using var buffer = new MemoryStream();
        if (!await files.WriteCsvAsync(id, buffer, cancellationToken))
        {
            await NotFound(id).ExecuteAsync(context);
            return;
        }
        buffer.Position = 0;
        await Results.File(buffer, "text/csv", $"backtest-{id}-predictions.csv").ExecuteAsync(context);
    }

    private static IResult NotFound(string id) =>
        Results.Problem(title: "No predictions", detail: $"Backtest '{id}' has no predictions file (unknown, or not finished).", statusCode: StatusCodes.Status404NotFound);

    [GeneratedRegex("^[0-9]{8}T[0-9]{6}-[0-9a-f]{8}$")]
    private static partial Regex BacktestId();
}

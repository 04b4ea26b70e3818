using System.Globalization;
using System.Text;
using Ercot.Core.Forecasts;
using Ercot.Core.Time;
using Ercot.Inference.Issuing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ercot.Inference.Apis;

/// <summary>
/// The forecasts as issued before each gate (immutable revisions), the day's bids to take to a bidding tool, and issuing itself
/// (the daily cycle's job, or an operator).
/// </summary>
public static class IssuedForecastsApi
{
    public static IEndpointRouteBuilder MapIssuedForecastsApi(this IEndpointRouteBuilder app)
    {
        var issued = app.MapGroup("/forecasts/issued").WithTags("Issued forecasts");
        issued.MapGet("/", ListAsync)
            .WithName("ListIssuedForecasts")
            .WithSummary("Every operating day with an issued forecast, newest first, and each day's revisions: when issued, whether after the gate (late), by what.");
        issued.MapGet("/{date}", GetAsync)
            .WithName("GetIssuedForecast")
            .WithSummary("One day's issued forecast — the latest revision, or ?revision=N: manifest (issue time, gate, model versions, schema hash, missing inputs) and every point's hours with p10/p90 per model and the suggested bid.");
        issued.MapPost("/", IssueAsync)
            .WithName("IssueForecast")
            .WithSummary("Issue an operating day's forecast now as a new revision (admin). With trigger 'schedule' it is issued once: asked again, the same revision is answered.");
        app.MapGet("/bids", GetBidsAsync)
            .WithTags("Issued forecasts")
            .WithName("GetBids")
            .WithSummary("The virtual bids suggested for an operating day from its issued forecast (the last revision issued by the gate): per point and hour INC, DEC or none, MW, the forecast, its band, θ and the backtest it came from. ?format=csv for a file.");
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<IssuedDay>>> ListAsync(ForecastIssuer issuer, CancellationToken cancellationToken)
    {
        var days = new List<IssuedDay>();
        foreach (var day in (await issuer.Store.DaysAsync(cancellationToken)).Reverse())
        {
            days.Add(new IssuedDay(day, [.. (await issuer.Store.RevisionsAsync(day, cancellationToken))
                .Select(manifest => new IssuedRevision(manifest.Revision, manifest.IssuedAt, manifest.Late, manifest.Trigger, manifest.Rows, manifest.RowsWithMissingInputs))]));
        }
        return TypedResults.Ok<IReadOnlyList<IssuedDay>>(days);
    }

    internal static async Task<Results<Ok<IssuedForecast>, ProblemHttpResult>> GetAsync(string date, int? revision, ForecastIssuer issuer, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Problem("Bad issued-forecast request", $"'{date}' is not an operating day: give it as yyyy-MM-dd.", StatusCodes.Status400BadRequest);
        }
        if (revision is <= 0)
        {
            return Problem("Bad issued-forecast request", $"revision {revision}: revisions are numbered from 1.", StatusCodes.Status400BadRequest);
        }
        if (await issuer.Store.ReadAsync(day, revision, cancellationToken) is { } forecast)
        {
            return TypedResults.Ok(forecast);
        }
        var revisions = await issuer.Store.RevisionsAsync(day, cancellationToken);
        return Problem("Not issued", revisions.Count == 0
            ? $"No forecast was issued for {day:yyyy-MM-dd}; GET /forecasts/issued lists the days that have one."
            : $"{day:yyyy-MM-dd} has no revision {revision}; it has {string.Join(", ", revisions.Select(manifest => manifest.Revision))}.", StatusCodes.Status404NotFound);
    }

    internal static async Task<Results<Created<IssueManifest>, Ok<IssueManifest>, ProblemHttpResult>> IssueAsync(
        IssueForecastRequest request, ForecastIssuer issuer, TimeProvider time, CancellationToken cancellationToken)
    {
        if (OperatingDays.Problem("date", request.Date, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)) is { } outside)
        {
            return Problem("Bad issue request", outside, StatusCodes.Status400BadRequest);
        }
        var trigger = string.IsNullOrWhiteSpace(request.Trigger) ? "api" : request.Trigger.Trim();
        if (trigger.Length > 40)
        {
            return Problem("Bad issue request", "'trigger' is a short label (at most 40 characters), e.g. 'schedule' or 'api'.", StatusCodes.Status400BadRequest);
        }
        var latest = (await issuer.Store.RevisionsAsync(request.Date, cancellationToken)).Select(manifest => manifest.Revision).DefaultIfEmpty(0).Max();
        try
        {
            var issued = await issuer.IssueAsync(request.Date, trigger, cancellationToken);
            return issued.Manifest.Revision > latest
                ? TypedResults.Created($"/forecasts/issued/{request.Date:yyyy-MM-dd}?revision={issued.Manifest.Revision}", issued.Manifest)
                : TypedResults.Ok(issued.Manifest);
        }
        catch (IssueException e)
        {
            return Problem(e.Title, e.Message, e.Status);
        }
    }

    internal static async Task<Results<Ok<DayBids>, ContentHttpResult, ProblemHttpResult>> GetBidsAsync(
        string? date, string? format, ForecastIssuer issuer, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Problem("Bad bids request", "Give 'date', the operating day, as yyyy-MM-dd.", StatusCodes.Status400BadRequest);
        }
        if (format is not (null or "json" or "csv"))
        {
            return Problem("Bad bids request", $"format '{format}': choose json (the default) or csv.", StatusCodes.Status400BadRequest);
        }
        if (DayScorer.Scored(await issuer.Store.RevisionsAsync(day, cancellationToken)) is not { } chosen
            || await issuer.Store.ReadAsync(day, chosen.Revision, cancellationToken) is not { } forecast)
        {
            return Problem("Not issued", $"No forecast was issued for {day:yyyy-MM-dd}, so no bids were suggested; GET /forecasts/issued lists the days that have one.", StatusCodes.Status404NotFound);
        }
        var bids = DayBids.Of(forecast);
        return format == "csv" ? TypedResults.Text(bids.ToCsv(), "text/csv", Encoding.UTF8) : TypedResults.Ok(bids);
    }

    private static ProblemHttpResult Problem(string title, string detail, int status) => TypedResults.Problem(title: title, detail: detail, statusCode: status);
}

/// <summary>Issue an operating day's forecast; <see cref="Trigger"/> labels who asked (default <c>api</c>; the daily job sends <c>schedule</c>).</summary>
public sealed record IssueForecastRequest(DateOnly Date, string? Trigger = null);

public sealed record IssuedDay(DateOnly Date, IReadOnlyList<IssuedRevision> Revisions);

public sealed record IssuedRevision(int Revision, DateTimeOffset IssuedAt, bool Late, string Trigger, int Rows, int RowsWithMissingInputs);

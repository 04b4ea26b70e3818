using System.Text.Json;
using Ercot.Inference.Monitoring;
using Ercot.Inference.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Ercot.Inference.Apis;

public static class ScoreApi
{
    public static IEndpointRouteBuilder MapScoreApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/score", ScoreAsync)
            .WithTags("Scoring")
            .WithName(Ercot.Inference.Extensions.GatewayOpenApi.ScoreOperation)
            .WithSummary("DART forecasts for rows of features, from one model or the ensemble of the champions.")
            .Accepts<ScoreBody>("application/json");
        return app;
    }

    internal static async Task<Results<Ok<ScoreResponse>, ProblemHttpResult>> ScoreAsync(
        HttpRequest request, ChampionHolder champions, IOptions<InferenceOptions> options, DriftMonitor drift, InferenceMetrics metrics,
        CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        // Taken once: a swap during this request does not change the models it uses.
        if (champions.Current is not { } models)
        {
            return TypedResults.Problem(title: "No model loaded", detail: "No champion model is loaded yet; train and publish one first.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            return TypedResults.Problem(title: "Malformed JSON", detail: $"The body is not valid JSON: {e.Message}", statusCode: StatusCodes.Status400BadRequest);
        }
        using (body)
        {
            ScoreRequest? score;
            ScoreRejection? rejection;
            try
            {
                (score, rejection) = ScoreRequestReader.Read(body.RootElement, models, options.Value.MaxRows);
            }
            // Text that parses but cannot be read (a lone surrogate, invalid UTF-8) throws where it is first read; only
            // then is the body searched for it, so that well-formed requests pay nothing for the search.
            catch (InvalidOperationException) when (JsonText.FindUnreadable(body.RootElement) is { } unreadable)
            {
                return TypedResults.Problem(title: "Unreadable text", detail: JsonText.Problem(unreadable), statusCode: StatusCodes.Status400BadRequest);
            }
            if (rejection is not null)
            {
                return TypedResults.Problem(title: rejection.Title, detail: string.Join(" ", rejection.Problems), statusCode: rejection.Status,
                    extensions: new Dictionary<string, object?> { ["problems"] = rejection.Problems });
            }
            var response = Scorer.Score(score!, models);
            drift.Record(score!.Rows);
            metrics.Record("score", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, response);
            return TypedResults.Ok(response);
        }
    }
}

/// <summary>The <c>/score</c> body as the API documents it (the reader also takes the older flat <c>data</c> shape).</summary>
/// <param name="Model">A served model's name, or <c>ensemble</c> (the default) for the mean of the champions.</param>
/// <param name="Rows">The rows to score: at most <c>Inference:MaxRows</c>.</param>
public sealed record ScoreBody(string? Model, IReadOnlyList<ScoreBodyRow> Rows);

/// <summary>One row: the point, the hour (as <c>deliveryHour</c> in UTC, or <c>deliveryDate</c> + <c>hourEnding</c> [+ <c>dstFlag</c>]) and every feature.</summary>
/// <param name="SettlementPoint">e.g. HB_NORTH.</param>
/// <param name="DeliveryDate">The operating day (Central time), yyyy-MM-dd.</param>
/// <param name="HourEnding">1..24, or "HH:00".</param>
/// <param name="DstFlag">true for the repeated hour of the fall-back day.</param>
/// <param name="DeliveryHour">The hour's start in UTC, instead of deliveryDate and hourEnding.</param>
/// <param name="Features">Every feature of GET /model/info by name: a number, or null when unknown.</param>
public sealed record ScoreBodyRow(string SettlementPoint, string? DeliveryDate, int? HourEnding, bool? DstFlag, DateTimeOffset? DeliveryHour, IReadOnlyDictionary<string, double?> Features);

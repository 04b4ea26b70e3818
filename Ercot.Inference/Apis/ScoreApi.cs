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
            .WithName("Score")
            .WithSummary("DART forecasts for rows of features, from one model or the ensemble of the champions.")
            .Accepts<JsonElement>("application/json");
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
            if (JsonText.FindUnreadable(body.RootElement) is { } unreadable)
            {
                return TypedResults.Problem(title: "Unreadable text", detail: JsonText.Problem(unreadable), statusCode: StatusCodes.Status400BadRequest);
            }
            var (score, rejection) = ScoreRequestReader.Read(body.RootElement, models, options.Value.MaxRows);
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

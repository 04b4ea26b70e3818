using Ercot.Core.Time;
using Ercot.Inference.Scoring;
using Ercot.Models;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ercot.Inference.Apis;

public static class ForecastApi
{
    public static IEndpointRouteBuilder MapForecastApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/forecast", GetForecastAsync)
            .WithTags("Scoring")
            .WithName("GetForecast")
            .WithSummary("The 23, 24 or 25 hourly DART forecasts of one settlement point for one operating day, from the feature store.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                foreach (var parameter in operation.Parameters?.OfType<Microsoft.OpenApi.OpenApiParameter>() ?? [])
                {
                    parameter.Required = true;
                    parameter.Description = parameter.Name switch
                    {
                        "settlementPoint" => "The settlement point, e.g. HB_NORTH (GET /model/info lists what the models were trained on).",
                        "date" => "The operating day, yyyy-MM-dd (Central time), from 2010-01-01 to the day after tomorrow.",
                        _ => parameter.Description,
                    };
                }
                return Task.CompletedTask;
            });
        return app;
    }

    internal static async Task<Results<Ok<ForecastResponse>, ProblemHttpResult>> GetForecastAsync(
        string? settlementPoint, string? date, ChampionHolder champions, FeatureStoreReader features, TimeProvider time, CancellationToken cancellationToken)
    {
        if (champions.Current is not { } models)
        {
            return TypedResults.Problem(title: "No model loaded", detail: "No champion model is loaded yet; train and publish one first.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        if (string.IsNullOrWhiteSpace(settlementPoint) || !DateOnly.TryParseExact(date, "yyyy-MM-dd", out var day))
        {
            return TypedResults.Problem(title: "Bad forecast request", detail: "Give 'settlementPoint' (e.g. HB_NORTH) and 'date' as yyyy-MM-dd.", statusCode: StatusCodes.Status400BadRequest);
        }
        if (OperatingDays.Problem("date", day, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)) is { } outside)
        {
            return TypedResults.Problem(title: "Bad forecast request", detail: outside, statusCode: StatusCodes.Status400BadRequest);
        }
        DartDataset rows;
        try
        {
            var (data, schemaHash) = await features.LoadAsync(day, day, withTargetOnly: false, settlementPoint, cancellationToken);
            if (schemaHash != models.SchemaHash)
            {
                return TypedResults.Problem(title: "Feature schema mismatch",
                    detail: $"The feature store has schema {schemaHash}; the served models were trained on {models.SchemaHash}. Retrain or rebuild.",
                    statusCode: StatusCodes.Status409Conflict);
            }
            rows = data;
        }
        catch (TrainingDataException e)
        {
            return TypedResults.Problem(title: "No features for that day", detail: e.Message, statusCode: StatusCodes.Status404NotFound);
        }
        if (rows.Count == 0)
        {
            return TypedResults.Problem(title: "No features for that day",
                detail: $"The feature store has no rows for {settlementPoint} on {day:yyyy-MM-dd}; build features for that day first.", statusCode: StatusCodes.Status404NotFound);
        }
        var request = new ScoreRequest(LoadedModels.Ensemble,
            [.. Enumerable.Range(0, rows.Count).Select(i => new ScoreRow(rows.Points[i], rows.HoursUtc[i], rows.Row(i).ToArray()))]);
        var scored = Scorer.Score(request, models);
        return TypedResults.Ok(new ForecastResponse(settlementPoint, day, scored.ModelVersions,
            [.. scored.Predictions.Select(prediction =>
            {
                var hour = ErcotTime.ToErcotHour(prediction.DeliveryHourUtc);
                return new ForecastHour(hour.HourEnding, hour.IsRepeated, prediction.DeliveryHourUtc, prediction.Dart, prediction.P10, prediction.P90, prediction.Models, prediction.MissingInputs);
            })]));
    }
}

/// <summary>One operating day's forecasts for one settlement point.</summary>
public sealed record ForecastResponse(string SettlementPoint, DateOnly Date, IReadOnlyDictionary<string, string> ModelVersions, IReadOnlyList<ForecastHour> Hours);

/// <summary>One delivery hour: its ERCOT label, its UTC start, the ensemble's DART, each model's, and the inputs the feature store lacked for it.</summary>
public sealed record ForecastHour(int HourEnding, bool DstFlag, DateTime DeliveryHourUtc, double Dart, double? P10, double? P90, IReadOnlyDictionary<string, double> Models, IReadOnlyList<string> MissingInputs);

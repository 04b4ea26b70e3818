using Ercot.Core.Time;
using Ercot.Inference.Scoring;
using Ercot.Models;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ercot.Inference.Apis;

public static class ForecastApi
{
    public static IEndpointRouteBuilder MapForecastApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/forecast/rows", GetRowsAsync)
            .WithTags("Scoring")
            .WithName("GetForecastRows")
            .WithSummary("The feature rows of one settlement point and operating day as a /score body, ready to send.")
            .AddOpenApiOperationTransformer(DescribeDayParameters);
        app.MapGet("/forecast/day", GetDayAsync)
            .WithTags("Scoring")
            .WithName("GetDayForecast")
            .WithSummary("Every settlement point's hourly DART forecasts for one operating day, each model's beside the ensemble's: what the desk's Tomorrow page shows.")
            .AddOpenApiOperationTransformer(DescribeDayParameters);
        app.MapGet("/forecast", GetForecastAsync)
            .WithTags("Scoring")
            .WithName("GetForecast")
            .WithSummary("The 23, 24 or 25 hourly DART forecasts of one settlement point for one operating day, from the feature store.")
            .AddOpenApiOperationTransformer(DescribeDayParameters);
        return app;
    }

    /// <summary>Both /forecast calls take a settlement point and an operating day, both required.</summary>
    private static Task DescribeDayParameters(Microsoft.OpenApi.OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
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
    }

    internal static async Task<Results<Ok<ForecastResponse>, ProblemHttpResult>> GetForecastAsync(
        string? settlementPoint, string? date, ChampionHolder champions, FeatureStoreReader features, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settlementPoint))
        {
            return BadRequest();
        }
        var (models, rows, day, problem) = await LoadDayAsync(settlementPoint, date, champions, features, time, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var (versions, hours) = Forecast(rows!, models!);
        return TypedResults.Ok(new ForecastResponse(settlementPoint, day, versions, hours));
    }

    /// <summary>Every point's forecasts of one day, from one read of the feature store.</summary>
    internal static async Task<Results<Ok<DayForecastResponse>, ProblemHttpResult>> GetDayAsync(
        string? date, ChampionHolder champions, FeatureStoreReader features, TimeProvider time, CancellationToken cancellationToken)
    {
        var (models, rows, day, problem) = await LoadDayAsync(null, date, champions, features, time, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var (versions, hours) = Forecast(rows!, models!);
        var points = hours.Select((hour, i) => (Point: rows!.Points[i], Hour: hour))
            .GroupBy(pair => pair.Point, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new PointForecast(group.Key, [.. group.Select(pair => pair.Hour)]));
        return TypedResults.Ok(new DayForecastResponse(day, versions, [.. points]));
    }

    /// <summary>Scores every row with the served ensemble and labels each hour the ERCOT way; one hour per row, in row order.</summary>
    private static (IReadOnlyDictionary<string, string> Versions, IReadOnlyList<ForecastHour> Hours) Forecast(DartDataset rows, LoadedModels models)
    {
        var request = new ScoreRequest(LoadedModels.Ensemble,
            [.. Enumerable.Range(0, rows.Count).Select(i => new ScoreRow(rows.Points[i], rows.HoursUtc[i], rows.Row(i).ToArray()))]);
        var scored = Scorer.Score(request, models);
        return (scored.ModelVersions, [.. scored.Predictions.Select(prediction =>
        {
            var hour = ErcotTime.ToErcotHour(prediction.DeliveryHourUtc);
            return new ForecastHour(hour.HourEnding, hour.IsRepeated, prediction.DeliveryHourUtc, prediction.Dart, prediction.P10, prediction.P90, prediction.Models, prediction.MissingInputs);
        })]);
    }

    private static ProblemHttpResult BadRequest() =>
        TypedResults.Problem(title: "Bad forecast request", detail: "Give 'settlementPoint' (e.g. HB_NORTH) and 'date' as yyyy-MM-dd.", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>
    /// The feature store's rows of one point and day as a <c>/score</c> body, ready to send: what /forecast scores,
    /// for a caller who wants to score (or alter) the rows themselves.
    /// </summary>
    internal static async Task<Results<Ok<ScoreBody>, ProblemHttpResult>> GetRowsAsync(
        string? settlementPoint, string? date, ChampionHolder champions, FeatureStoreReader features, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settlementPoint))
        {
            return BadRequest();
        }
        var (_, rows, _, problem) = await LoadDayAsync(settlementPoint, date, champions, features, time, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        return TypedResults.Ok(new ScoreBody(LoadedModels.Ensemble, [.. Enumerable.Range(0, rows!.Count).Select(i =>
        {
            var values = rows.Row(i).ToArray();
            var byName = rows.FeatureNames.Select((name, f) => KeyValuePair.Create(name, float.IsFinite(values[f]) ? (double?)values[f] : null))
                .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
            return new ScoreBodyRow(rows.Points[i], null, null, null, new DateTimeOffset(rows.HoursUtc[i], TimeSpan.Zero), byName);
        })]));
    }

    /// <summary>The served models and the feature rows of one point and day, or the problem that stops it.</summary>
    private static async Task<(LoadedModels? Models, DartDataset? Rows, DateOnly Day, ProblemHttpResult? Problem)> LoadDayAsync(
        string? settlementPoint, string? date, ChampionHolder champions, FeatureStoreReader features, TimeProvider time, CancellationToken cancellationToken)
    {
        if (champions.Current is not { } models)
        {
            return (null, null, default, TypedResults.Problem(title: "No model loaded", detail: "No champion model is loaded yet; train and publish one first.", statusCode: StatusCodes.Status503ServiceUnavailable));
        }
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out var day))
        {
            return (null, null, default, TypedResults.Problem(title: "Bad forecast request",
                detail: $"Give 'date' as yyyy-MM-dd{(settlementPoint is null ? "" : " and 'settlementPoint' (e.g. HB_NORTH)")}.", statusCode: StatusCodes.Status400BadRequest));
        }
        if (OperatingDays.Problem("date", day, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)) is { } outside)
        {
            return (null, null, day, TypedResults.Problem(title: "Bad forecast request", detail: outside, statusCode: StatusCodes.Status400BadRequest));
        }
        try
        {
            var (rows, schemaHash) = await features.LoadAsync(day, day, withTargetOnly: false, settlementPoint, cancellationToken);
            if (schemaHash != models.SchemaHash)
            {
                return (null, null, day, TypedResults.Problem(title: "Feature schema mismatch",
                    detail: $"The feature store has schema {schemaHash}; the served models were trained on {models.SchemaHash}. Retrain or rebuild.",
                    statusCode: StatusCodes.Status409Conflict));
            }
            return rows.Count == 0
                ? (null, null, day, TypedResults.Problem(title: "No features for that day",
                    detail: $"The feature store has no rows for {settlementPoint ?? "any point"} on {day:yyyy-MM-dd}; build features for that day first.", statusCode: StatusCodes.Status404NotFound))
                : (models, rows, day, null);
        }
        catch (TrainingDataException e)
        {
            return (null, null, day, TypedResults.Problem(title: "No features for that day", detail: e.Message, statusCode: StatusCodes.Status404NotFound));
        }
    }
}

/// <summary>One operating day's forecasts for one settlement point.</summary>
public sealed record ForecastResponse(string SettlementPoint, DateOnly Date, IReadOnlyDictionary<string, string> ModelVersions, IReadOnlyList<ForecastHour> Hours);

/// <summary>One operating day's forecasts for every point the feature store holds that day.</summary>
public sealed record DayForecastResponse(DateOnly Date, IReadOnlyDictionary<string, string> ModelVersions, IReadOnlyList<PointForecast> Points);

/// <summary>One settlement point's hours of a <see cref="DayForecastResponse"/>.</summary>
public sealed record PointForecast(string SettlementPoint, IReadOnlyList<ForecastHour> Hours);

/// <summary>One delivery hour: its ERCOT label, its UTC start, the ensemble's DART, each model's, and the inputs the feature store lacked for it.</summary>
public sealed record ForecastHour(int HourEnding, bool DstFlag, DateTime DeliveryHourUtc, double Dart, double? P10, double? P90, IReadOnlyDictionary<string, double> Models, IReadOnlyList<string> MissingInputs);

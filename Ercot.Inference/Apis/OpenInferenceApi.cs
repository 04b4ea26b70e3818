using System.Text.Json;
using Ercot.Inference.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ercot.Inference.Apis;

/// <summary>
/// The Open Inference Protocol (KServe V2) over the served models, for tools that speak it: readiness,
/// model metadata and inference on an FP32 <c>features</c> tensor of shape [rows, features] (schema
/// order), with optional BYTES <c>settlement_point</c> and <c>delivery_hour</c> (ISO UTC) tensors.
/// </summary>
public static class OpenInferenceApi
{
    public static IEndpointRouteBuilder MapOpenInferenceApi(this IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup("/v2").WithTags("Open Inference Protocol (V2)");
        v2.MapGet("/health/ready", (ChampionHolder champions) =>
            champions.Current is null ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Ok(new { ready = true }))
            .WithName("V2Ready");
        v2.MapGet("/health/live", () => Results.Ok(new { live = true })).WithName("V2Live");
        v2.MapGet("/models/{name}/ready", (string name, ChampionHolder champions) =>
            champions.Current is { } models && Known(models, name) ? Results.Ok(new { name, ready = true }) : NotFound(name))
            .WithName("V2ModelReady");
        v2.MapGet("/models/{name}", GetMetadata).WithName("V2ModelMetadata");
        v2.MapPost("/models/{name}/infer", InferAsync).WithName("V2Infer");
        return app;
    }

    internal static Results<Ok<V2ModelMetadata>, ProblemHttpResult> GetMetadata(string name, ChampionHolder champions) =>
        champions.Current is { } models && Known(models, name)
            ? TypedResults.Ok(new V2ModelMetadata(name, [.. Versions(models, name)], "ercot-dart",
                [new V2Tensor("features", "FP32", [-1, models.Features.Count]), new V2Tensor("settlement_point", "BYTES", [-1]), new V2Tensor("delivery_hour", "BYTES", [-1])],
                [new V2Tensor("dart", "FP32", [-1]), new V2Tensor("p10", "FP32", [-1]), new V2Tensor("p90", "FP32", [-1])]))
            : NotFound(name);

    internal static async Task<Results<Ok<V2InferResponse>, ProblemHttpResult>> InferAsync(
        string name, HttpRequest request, ChampionHolder champions, Microsoft.Extensions.Options.IOptions<InferenceOptions> options, CancellationToken cancellationToken)
    {
        if (champions.Current is not { } models || !Known(models, name))
        {
            return NotFound(name);
        }
        V2InferRequest? body;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (JsonText.FindUnreadable(document.RootElement) is { } unreadable)
            {
                return Problem(JsonText.Problem(unreadable));
            }
            body = document.Deserialize<V2InferRequest>(JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            return Problem($"The body is not a V2 inference request: {e.Message}");
        }
        var inputs = body?.Inputs?.OfType<V2Input>().ToList() ?? [];
        var features = inputs.FirstOrDefault(input => input.Name == "features");
        if (features?.Shape is not [var rows, var columns] || features.Data is null)
        {
            return Problem("Give an input named 'features' with shape [rows, features] and its data, row-major.");
        }
        var count = models.Features.Count;
        if (features.Datatype != "FP32" || columns != count || rows <= 0 || features.Data.Count % count != 0 || features.Data.Count / count != rows)
        {
            return Problem($"'features' must be FP32 with shape [rows, {count}] and rows × {count} values; got {(features.Datatype is null ? "nothing" : ScoreRequestReader.Shorten(features.Datatype))} {rows}×{columns} with {features.Data.Count} values.");
        }
        if (rows > options.Value.MaxRows)
        {
            return TypedResults.Problem(title: "Too many rows", detail: $"The request has {rows:N0} rows; at most {options.Value.MaxRows:N0} may be scored at once.",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        var points = Strings(inputs, "settlement_point", rows);
        var hours = Strings(inputs, "delivery_hour", rows);
        var scoreRows = new List<ScoreRow>((int)rows);
        for (var i = 0; i < rows; i++)
        {
            var values = new float[columns];
            for (var j = 0; j < columns; j++)
            {
                var element = features.Data[(int)(i * columns + j)];
                // null is a missing value, as in /score; anything else must be a number a float can hold.
                if (element.ValueKind == JsonValueKind.Null)
                {
                    values[j] = float.NaN;
                }
                else if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var number) && double.IsFinite(number) && Math.Abs(number) < float.MaxValue)
                {
                    values[j] = (float)number;
                }
                else
                {
                    return Problem($"'features' data[{i * columns + j}] (row {i}, feature '{models.Features[j]}') is {ScoreRequestReader.Shorten(element.GetRawText())}; FP32 data must be finite numbers (null for a missing value).");
                }
            }
            var hour = hours?[i] is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var instant)
                ? instant.UtcDateTime
                : DateTime.UnixEpoch;
            scoreRows.Add(new ScoreRow(points?[i] ?? "", hour, values));
        }
        var scored = Scorer.Score(new ScoreRequest(name, scoreRows), models);
        List<V2Output> outputs = [new V2Output("dart", "FP32", [rows], [.. scored.Predictions.Select(prediction => (float)prediction.Dart)])];
        if (scored.Predictions.All(prediction => prediction.P10 is not null && prediction.P90 is not null))
        {
            outputs.Add(new V2Output("p10", "FP32", [rows], [.. scored.Predictions.Select(prediction => (float)prediction.P10!.Value)]));
            outputs.Add(new V2Output("p90", "FP32", [rows], [.. scored.Predictions.Select(prediction => (float)prediction.P90!.Value)]));
        }
        return TypedResults.Ok(new V2InferResponse(name, string.Join(",", scored.ModelVersions.Select(pair => $"{pair.Key}:{pair.Value}")), body!.Id, outputs));
    }

    private static bool Known(LoadedModels models, string name) => name == LoadedModels.Ensemble || models.Models.ContainsKey(name);

    private static IEnumerable<string> Versions(LoadedModels models, string name) =>
        name == LoadedModels.Ensemble ? models.Models.Values.Select(model => $"{model.Metadata.Model}:{model.Metadata.Version}") : [models.Models[name].Metadata.Version];

    private static string?[]? Strings(List<V2Input> inputs, string name, long rows) =>
        inputs.FirstOrDefault(input => input.Name == name)?.Data is { } data && data.Count == rows
            ? [.. data.Select(element => element.ValueKind == JsonValueKind.String ? element.GetString() : null)]
            : null;

    private static ProblemHttpResult NotFound(string name) =>
        TypedResults.Problem(title: "No such model", detail: $"No served model is named '{name}'; ask /model/info which are.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(title: "Invalid V2 inference request", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}

public sealed record V2Tensor(string Name, string Datatype, long[] Shape);

public sealed record V2ModelMetadata(string Name, IReadOnlyList<string> Versions, string Platform, IReadOnlyList<V2Tensor> Inputs, IReadOnlyList<V2Tensor> Outputs);

public sealed record V2Input(string Name, string Datatype, long[] Shape, List<JsonElement>? Data);

public sealed record V2InferRequest(string? Id, List<V2Input>? Inputs);

public sealed record V2Output(string Name, string Datatype, long[] Shape, float[] Data);

public sealed record V2InferResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("model_name")] string ModelName,
    [property: System.Text.Json.Serialization.JsonPropertyName("model_version")] string ModelVersion,
    string? Id,
    IReadOnlyList<V2Output> Outputs);

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

    internal static async Task<Results<Ok<V2InferResponse>, ProblemHttpResult>> InferAsync(string name, HttpRequest request, ChampionHolder champions, CancellationToken cancellationToken)
    {
        if (champions.Current is not { } models || !Known(models, name))
        {
            return NotFound(name);
        }
        V2InferRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<V2InferRequest>(request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException e)
        {
            return Problem($"The body is not a V2 inference request: {e.Message}");
        }
        var features = body?.Inputs?.FirstOrDefault(input => input.Name == "features");
        if (features?.Shape is not [var rows, var columns] || features.Data is null)
        {
            return Problem("Give an input named 'features' with shape [rows, features] and its data, row-major.");
        }
        if (features.Datatype != "FP32" || columns != models.Features.Count || features.Data.Count != rows * columns || rows <= 0)
        {
            return Problem($"'features' must be FP32 with shape [rows, {models.Features.Count}] and rows × {models.Features.Count} values; got {features.Datatype} {rows}×{columns} with {features.Data.Count} values.");
        }
        var points = Strings(body!.Inputs!, "settlement_point", rows);
        var hours = Strings(body.Inputs!, "delivery_hour", rows);
        var scoreRows = new List<ScoreRow>((int)rows);
        for (var i = 0; i < rows; i++)
        {
            var values = new float[columns];
            for (var j = 0; j < columns; j++)
            {
                var element = features.Data[(int)(i * columns + j)];
                values[j] = element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var number) && double.IsFinite(number) ? (float)number : float.NaN;
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
        return TypedResults.Ok(new V2InferResponse(name, string.Join(",", scored.ModelVersions.Select(pair => $"{pair.Key}:{pair.Value}")), body.Id, outputs));
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

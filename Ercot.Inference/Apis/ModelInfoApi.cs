using Ercot.Core.Models;
using Ercot.Inference.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ercot.Inference.Apis;

public static class ModelInfoApi
{
    public static IEndpointRouteBuilder MapModelInfoApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/model/info", GetModelInfo)
            .WithTags("Models")
            .WithName("GetModelInfo")
            .WithSummary("The models being served: version, role, when and on what they were trained, their metrics, features and schema hash.");
        return app;
    }

    internal static Results<Ok<ModelInfoResponse>, ProblemHttpResult> GetModelInfo(ChampionHolder champions) =>
        champions.Current is { } models
            ? TypedResults.Ok(new ModelInfoResponse(models.SchemaHash, models.Features, [.. models.Models.Values.Select(model => model.Metadata)]))
            : TypedResults.Problem(title: "No model published", detail: "No champion model is loaded; train and publish a model first.",
                statusCode: StatusCodes.Status404NotFound);
}

/// <summary>The response of <c>/model/info</c>: the feature schema the models share, and each model's registry metadata.</summary>
public sealed record ModelInfoResponse(string FeatureSchemaHash, IReadOnlyList<string> Features, IReadOnlyList<ModelMetadata> Models);

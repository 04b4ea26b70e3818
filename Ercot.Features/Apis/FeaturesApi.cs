using Ercot.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ercot.Features.Apis;

public static class FeaturesApi
{
    public static IEndpointRouteBuilder MapFeaturesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/features").WithTags("Features");

        api.MapGet("/schema", GetSchemaAsync)
            .WithName("GetFeatureSchema")
            .WithSummary("The feature schema of the latest build: every feature's name, type, source, availability rule and the schema hash.");

        return app;
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetSchemaAsync(
        IArtifactStore store, CancellationToken cancellationToken)
    {
        var schema = await store.TryOpenReadAsync(ArtifactPaths.FeatureSchema, cancellationToken);
        return schema is null
            ? TypedResults.Problem(
                title: "Feature schema not built yet",
                detail: $"{ArtifactPaths.FeatureSchema} is not in the artifact store; run a feature build first.",
                statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Stream(schema, "application/json");
    }
}

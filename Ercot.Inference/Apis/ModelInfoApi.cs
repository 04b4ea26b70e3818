using Ercot.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ercot.Inference.Apis;

public static class ModelInfoApi
{
    public static IEndpointRouteBuilder MapModelInfoApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/model/info", GetModelInfoAsync)
            .WithTags("Models")
            .WithName("GetModelInfo")
            .WithSummary("The registry's champion pointer: which version of each model serves.");
        return app;
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetModelInfoAsync(
        IArtifactStore store, CancellationToken cancellationToken)
    {
        var champion = await store.TryOpenReadAsync(ArtifactPaths.ChampionPointer, cancellationToken);
        return champion is null
            ? TypedResults.Problem(
                title: "No model published",
                detail: $"{ArtifactPaths.ChampionPointer} is not in the artifact store; train and publish a model first.",
                statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Stream(champion, "application/json");
    }
}

using System.Text.RegularExpressions;
using Ercot.Core.Storage;
using Ercot.Features.Health;
using Ercot.Features.Jobs;
using Ercot.Features.Pipeline;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ercot.Features.Apis;

public static partial class FeaturesApi
{
    public static IEndpointRouteBuilder MapFeaturesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/features").WithTags("Features");

        api.MapGet("/schema", GetSchemaAsync)
            .WithName("GetFeatureSchema")
            .WithSummary("The feature schema of the latest build: every feature's name, type, source, availability rule and the schema hash.");

        api.MapPost("/builds", StartBuildAsync)
            .WithName("StartFeatureBuild")
            .WithSummary("Queue a feature build for a range of operating days; 202 with the build's id and where to follow it.");

        api.MapGet("/builds", ListBuildsAsync)
            .WithName("ListFeatureBuilds")
            .WithSummary("The 50 most recently requested feature builds, newest first.");

        api.MapGet("/feeds", GetFeedsAsync)
            .WithName("GetFeeds")
            .WithSummary("Every ERCOT feed the features read: its newest interval, how late it may be, and whether it is stale now.");

        api.MapGet("/builds/{id}", GetBuildAsync)
            .WithName("GetFeatureBuild")
            .WithSummary("A build's state (Queued, Running, Succeeded, Failed) and, once done, its report.");

        return app;
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetSchemaAsync(
        IArtifactStore store, CancellationToken cancellationToken)
    {
        var schema = await store.TryOpenReadAsync(ArtifactPaths.FeatureSchema, cancellationToken);
        return schema is null
            ? TypedResults.Problem(
                title: "Feature schema not built yet",
                detail: $"{ArtifactPaths.FeatureSchema} is not in the artifact store; run a feature build first (POST /features/builds).",
                statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Stream(schema, "application/json");
    }

    internal static async Task<Results<Accepted<FeatureBuildStatus>, ValidationProblem>> StartBuildAsync(
        FeatureBuildCommand command, IBackgroundJobClient jobs, FeatureBuildStatusStore statuses, TimeProvider time, CancellationToken cancellationToken)
    {
        if (command.From is not { } from || command.To is not { } to)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["range"] = ["Give both 'from' and 'to' as operating days (yyyy-MM-dd)."],
            });
        }
        var request = new FeatureBuildRequest(from, to);
        if (request.Problem(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["range"] = [problem] });
        }
        var status = new FeatureBuildStatus(Guid.NewGuid().ToString("N"), FeatureBuildState.Queued, from, to, time.GetUtcNow());
        await statuses.SaveAsync(status, cancellationToken);
        jobs.Enqueue<FeatureBuildJob>(job => job.BuildAsync(status.Id, FeatureBuildJob.Format(from), FeatureBuildJob.Format(to), CancellationToken.None));
        return TypedResults.Accepted($"/features/builds/{status.Id}", status);
    }

    internal static async Task<Ok<IReadOnlyList<FeatureBuildStatus>>> ListBuildsAsync(FeatureBuildStatusStore statuses, CancellationToken cancellationToken) =>
        TypedResults.Ok(await statuses.RecentAsync(50, cancellationToken));

    internal static async Task<Ok<IReadOnlyList<FeedStatus>>> GetFeedsAsync(FeedFreshnessCheck feeds, CancellationToken cancellationToken) =>
        TypedResults.Ok(await feeds.ReadAsync(cancellationToken));

    internal static async Task<Results<Ok<FeatureBuildStatus>, ProblemHttpResult>> GetBuildAsync(
        string id, FeatureBuildStatusStore statuses, CancellationToken cancellationToken)
    {
        var status = BuildId().IsMatch(id) ? await statuses.FindAsync(id, cancellationToken) : null;
        return status is null
            ? TypedResults.Problem(title: "No such build", detail: $"No feature build has the id '{id}'.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(status);
    }

    [GeneratedRegex("^([0-9a-f]{32}|scheduled-[0-9]{8})$")]
    private static partial Regex BuildId();
}

/// <summary>The body of <c>POST /features/builds</c>.</summary>
public sealed record FeatureBuildCommand(DateOnly? From, DateOnly? To);

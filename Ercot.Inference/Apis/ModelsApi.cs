using Ercot.Core.Models;
using Ercot.Models;
using Ercot.Models.Registry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ercot.Inference.Apis;

/// <summary>
/// The registry for operators (admin keys at the gateway): every version with its role, metrics and the decision
/// that gave it that role; rollback of the champion set; promotion of a chosen version. A change writes the
/// history, then <c>models/champion.json</c>; this service picks the new set up like any swap.
/// </summary>
public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/models").WithTags("Models");

        api.MapGet("/", ListAsync)
            .WithName("ListModels")
            .WithSummary("Every complete version of every model, newest first, with its role (champion or challenger), metrics and the decision behind it; the current champion set and the recent history.");

        api.MapPost("/champion/rollback", RollbackAsync)
            .WithName("RollbackChampions")
            .WithSummary("Restore the champion set that the last training run or promotion replaced; 409 naming why when there is none.");

        api.MapPost("/{model}/{version}/promote", PromoteAsync)
            .WithName("PromoteModel")
            .WithSummary("Make a version its model's champion (an operator's decision, recorded as such); 404 for an unknown version, 409 for a feature schema that differs from the other champions'.");

        return app;
    }

    internal static async Task<Ok<ModelsResponse>> ListAsync(ModelRegistry registry, CancellationToken cancellationToken)
    {
        var champions = await registry.ReadChampionsAsync(cancellationToken);
        var history = await registry.HistoryAsync(cancellationToken);
        var versions = new List<ModelVersionSummary>();
        foreach (var model in DartModels.Names)
        {
            foreach (var version in (await registry.VersionsAsync(model, cancellationToken)).Reverse())
            {
                if (await registry.ReadMetadataAsync(model, version, cancellationToken) is not { } metadata)
                {
                    continue;
                }
                var decision = history.SelectMany(entry => entry.Decisions).LastOrDefault(d => d.Model == model && d.Version == version);
                var serving = champions.Models.TryGetValue(model, out var entry) && entry.Version == version;
                versions.Add(new ModelVersionSummary(model, version, metadata.CreatedAt, serving ? ModelRole.Champion : ModelRole.Challenger,
                    metadata.FeatureSchemaHash, metadata.Train, metadata.Validation, metadata.ValidationMetrics, metadata.TestMetrics,
                    decision?.Reason ?? metadata.RoleReason, decision?.Evidence));
            }
        }
        return TypedResults.Ok(new ModelsResponse(champions, versions, [.. history.TakeLast(20).Reverse()]));
    }

    internal static async Task<Results<Ok<RegistryEvent>, ProblemHttpResult>> RollbackAsync(ModelRegistry registry, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await registry.RollbackAsync(time.GetUtcNow(), cancellationToken));
        }
        catch (RegistryException e)
        {
            return Problem("Nothing to roll back to", e);
        }
    }

    internal static async Task<Results<Ok<RegistryEvent>, ProblemHttpResult>> PromoteAsync(
        string model, string version, ModelRegistry registry, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!DartModels.Names.Contains(model))
        {
            return TypedResults.Problem(title: "No such model", detail: $"Unknown model '{model}'; known models: {string.Join(", ", DartModels.Names)}.",
                statusCode: StatusCodes.Status404NotFound);
        }
        try
        {
            return TypedResults.Ok(await registry.PromoteAsync(model, version, "promoted by an operator through the API", time.GetUtcNow(), cancellationToken));
        }
        catch (RegistryException e)
        {
            return Problem(e.NotFound ? "No such version" : "Cannot promote", e);
        }
    }

    private static ProblemHttpResult Problem(string title, RegistryException e) =>
        TypedResults.Problem(title: title, detail: e.Message, statusCode: e.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict);
}

/// <summary>The response of <c>GET /models</c>.</summary>
public sealed record ModelsResponse(ChampionPointer Champions, IReadOnlyList<ModelVersionSummary> Versions, IReadOnlyList<RegistryEvent> RecentHistory);

/// <summary>One version: its role now, what it was trained and validated on, its metrics, and the decision recorded for it.</summary>
public sealed record ModelVersionSummary(
    string Model, string Version, DateTimeOffset CreatedAt, ModelRole Role, string FeatureSchemaHash, DateRange Train, DateRange Validation,
    IReadOnlyDictionary<string, double> ValidationMetrics, IReadOnlyDictionary<string, double> TestMetrics, string? Decision, ChampionEvidence? Evidence);

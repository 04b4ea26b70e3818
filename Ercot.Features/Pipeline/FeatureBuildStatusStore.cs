using Ercot.Core.Storage;

namespace Ercot.Features.Pipeline;

/// <summary>Reads and writes build statuses in the artifact store.</summary>
public sealed class FeatureBuildStatusStore(IArtifactStore artifacts)
{

    public static string PathOf(string id) => $"features/builds/{id}.json";

    public Task SaveAsync(FeatureBuildStatus status, CancellationToken cancellationToken = default) =>
        artifacts.WriteJsonAsync(PathOf(status.Id), status, ArtifactJson.Options, cancellationToken);

    public Task<FeatureBuildStatus?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        artifacts.ReadJsonAsync<FeatureBuildStatus>(PathOf(id), ArtifactJson.Options, cancellationToken);
}

using Ercot.Core.Storage;

namespace Ercot.Features.Pipeline;

/// <summary>Reads and writes build statuses in the artifact store.</summary>
public sealed class FeatureBuildStatusStore(IArtifactStore artifacts)
{
    private const string Prefix = "features/builds/";

    public static string PathOf(string id) => $"{Prefix}{id}.json";

    public Task SaveAsync(FeatureBuildStatus status, CancellationToken cancellationToken = default) =>
        artifacts.WriteJsonAsync(PathOf(status.Id), status, ArtifactJson.Options, cancellationToken);

    public Task<FeatureBuildStatus?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        artifacts.ReadJsonAsync<FeatureBuildStatus>(PathOf(id), ArtifactJson.Options, cancellationToken);

    /// <summary>The <paramref name="count"/> most recently requested builds, newest first.</summary>
    public async Task<IReadOnlyList<FeatureBuildStatus>> RecentAsync(int count, CancellationToken cancellationToken = default) =>
        [.. (await AllAsync(cancellationToken)).OrderByDescending(build => build.RequestedAt).Take(count)];

    /// <summary>Every build still Queued or Running by its status.</summary>
    public async Task<IReadOnlyList<FeatureBuildStatus>> UnfinishedAsync(CancellationToken cancellationToken = default) =>
        [.. (await AllAsync(cancellationToken)).Where(build => build.State is FeatureBuildState.Queued or FeatureBuildState.Running)];

    private async Task<List<FeatureBuildStatus>> AllAsync(CancellationToken cancellationToken)
    {
        var builds = new List<FeatureBuildStatus>();
        await foreach (var info in artifacts.ListAsync(Prefix, cancellationToken))
        {
            if (await artifacts.ReadJsonAsync<FeatureBuildStatus>(info.Path, ArtifactJson.Options, cancellationToken) is { } status)
            {
                builds.Add(status);
            }
        }
        return builds;
    }
}

using Ercot.Core.Storage;

namespace Ercot.Training.Runs;

/// <summary>Training run statuses in the artifact store, readable by any instance.</summary>
public sealed class TrainingRunStore(IArtifactStore artifacts)
{
    private const string Prefix = "training/runs/";


    public Task SaveAsync(TrainingRunStatus status, CancellationToken cancellationToken = default) =>
        artifacts.WriteJsonAsync($"{Prefix}{status.Id}.json", status, ArtifactJson.Options, cancellationToken);

    public Task<TrainingRunStatus?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        artifacts.ReadJsonAsync<TrainingRunStatus>($"{Prefix}{id}.json", ArtifactJson.Options, cancellationToken);

    /// <summary>The most recent runs first (ids start with their UTC time).</summary>
    public async Task<IReadOnlyList<TrainingRunStatus>> RecentAsync(int count, CancellationToken cancellationToken = default)
    {
        var paths = new List<string>();
        await foreach (var info in artifacts.ListAsync(Prefix, cancellationToken))
        {
            paths.Add(info.Path);
        }
        var statuses = new List<TrainingRunStatus>();
        foreach (var path in paths.OrderDescending(StringComparer.Ordinal).Take(count))
        {
            if (await artifacts.ReadJsonAsync<TrainingRunStatus>(path, ArtifactJson.Options, cancellationToken) is { } status)
            {
                statuses.Add(status);
            }
        }
        return statuses;
    }
}

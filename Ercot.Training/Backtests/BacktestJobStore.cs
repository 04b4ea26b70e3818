using Ercot.Core.Storage;
using Ercot.Models.Backtesting;

namespace Ercot.Training.Backtests;

/// <summary>Backtest statuses in the artifact store, beside each backtest's folds and report; readable by any instance.</summary>
public sealed class BacktestJobStore(IArtifactStore artifacts)
{
    private const string StatusFile = "status.json";

    public Task SaveAsync(BacktestJobStatus status, CancellationToken cancellationToken = default) =>
        artifacts.WriteJsonAsync(BacktestPaths.Folder(status.Id) + StatusFile, status, ArtifactJson.Options, cancellationToken);

    public Task<BacktestJobStatus?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        artifacts.ReadJsonAsync<BacktestJobStatus>(BacktestPaths.Folder(id) + StatusFile, ArtifactJson.Options, cancellationToken);

    /// <summary>The most recent backtests queued through the API first (ids start with their UTC time).</summary>
    public async Task<IReadOnlyList<BacktestJobStatus>> RecentAsync(int count, CancellationToken cancellationToken = default)
    {
        var paths = new List<string>();
        await foreach (var info in artifacts.ListAsync(BacktestPaths.Root, cancellationToken))
        {
            if (info.Path.EndsWith("/" + StatusFile, StringComparison.Ordinal))
            {
                paths.Add(info.Path);
            }
        }
        var statuses = new List<BacktestJobStatus>();
        foreach (var path in paths.OrderDescending(StringComparer.Ordinal).Take(count))
        {
            if (await artifacts.ReadJsonAsync<BacktestJobStatus>(path, ArtifactJson.Options, cancellationToken) is { } status)
            {
                statuses.Add(status);
            }
        }
        return statuses;
    }
}

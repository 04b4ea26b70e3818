using Ercot.Core.Models;
using Ercot.Models.Registry;
using Ercot.Models;
using Microsoft.Extensions.Options;

namespace Ercot.Inference.Scoring;

/// <summary>
/// Loads the registry's champions at start and whenever <c>models/champion.json</c> changes (polled:
/// Blob storage has no file watcher), then swaps them in as one set. A version that fails to load, or
/// was trained on a different feature schema than the others, is left out and logged; the previous
/// set keeps serving until a complete new one is ready.
/// </summary>
internal sealed partial class ChampionWatcher(ModelRegistry registry, ChampionHolder holder, IOptions<InferenceOptions> options, ILogger<ChampionWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ChampionPollSeconds));
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRefreshFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var pointer = await registry.ReadChampionsAsync(cancellationToken);
        var fingerprint = string.Join(";", pointer.Models.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value.Version}"));
        if (pointer.Models.Count == 0 || holder.Current?.ChampionFingerprint == fingerprint)
        {
            return;
        }
        var loaded = new Dictionary<string, LoadedModel>();
        // In the registry's model order, so that responses list the models the same way every time.
        foreach (var (name, entry) in pointer.Models.OrderBy(pair => DartModels.Names.ToList().IndexOf(pair.Key)))
        {
            if (await registry.ReadMetadataAsync(name, entry.Version, cancellationToken) is not { } metadata)
            {
                LogIncomplete(logger, name, entry.Version);
                continue;
            }
            if (loaded.Values.FirstOrDefault() is { } first && first.Metadata.FeatureSchemaHash != metadata.FeatureSchemaHash)
            {
                LogSchemaMismatch(logger, name, metadata.FeatureSchemaHash, first.Metadata.FeatureSchemaHash);
                continue;
            }
            await using var file = await registry.OpenModelFileAsync(metadata, cancellationToken);
            if (file is null)
            {
                LogIncomplete(logger, name, entry.Version);
                continue;
            }
            loaded[name] = new LoadedModel(metadata, DartModels.Load(name, file, metadata.Features.Count));
        }
        if (loaded.Count > 0)
        {
            holder.Swap(new LoadedModels(loaded, fingerprint));
            var summary = string.Join(", ", loaded.Select(pair => $"{pair.Key} {pair.Value.Metadata.Version}"));
            LogLoaded(logger, summary);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving champions: {Models}")]
    private static partial void LogLoaded(ILogger logger, string models);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Champion {Model} {Version} is incomplete in the registry; left out")]
    private static partial void LogIncomplete(ILogger logger, string model, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Champion {Model} was trained on feature schema {Schema}, the others on {Expected}; left out")]
    private static partial void LogSchemaMismatch(ILogger logger, string model, string schema, string expected);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the champions failed; the current models keep serving")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}

using System.Text.Json;
using Ercot.Core.Models;
using Ercot.Core.Storage;

namespace Ercot.Models.Registry;

/// <summary>
/// The model registry in the artifact store: <c>models/{model}/{version}/</c> holds the model file and
/// <c>metadata.json</c>; <c>models/champion.json</c> names the serving version of each model;
/// <c>models/history.jsonl</c> records every decision. Publishing writes the files, then the metadata (a
/// version without it is incomplete and ignored), then the decision in the history, then — only when the
/// champion set changes — the pointer, last. A publish cancelled or killed at any point leaves the pointer on
/// complete versions and never moves it without its reason on record. Rollback restores the set the last
/// recorded change replaced; an operator may promote any complete version.
/// </summary>
public sealed class ModelRegistry(IArtifactStore artifacts)
{
    private static readonly JsonSerializerOptions HistoryJson = new(ArtifactJson.Options) { WriteIndented = false };

    /// <summary>A new version id: sortable by time, unique enough for one registry.</summary>
    public static string NewVersion(DateTimeOffset now) => $"{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Publishes one model with its decision (its role and reason; <paramref name="evidence"/> when judged).</summary>
    public Task<RegistryEvent> PublishAsync(ModelMetadata metadata, Func<Stream> modelFile, CancellationToken cancellationToken = default) =>
        PublishAsync([(metadata, modelFile, null)], cancellationToken);

    /// <summary>
    /// Publishes a training run's models together: every file and metadata, then one history line with each
    /// model's decision, then the pointer with every new champion at once (one swap for the inference API).
    /// </summary>
    public async Task<RegistryEvent> PublishAsync(
        IReadOnlyList<(ModelMetadata Metadata, Func<Stream> ModelFile, ChampionEvidence? Evidence)> models, CancellationToken cancellationToken = default)
    {
        foreach (var (metadata, modelFile, _) in models)
        {
            await using (var file = modelFile())
            {
                await artifacts.WriteAsync(RegistryPaths.Of(metadata.Model, metadata.Version, metadata.ModelFile), file, cancellationToken);
            }
            await artifacts.WriteJsonAsync(RegistryPaths.Of(metadata.Model, metadata.Version, RegistryPaths.Metadata), metadata, ArtifactJson.Options, cancellationToken);
        }
        var before = await ReadChampionsAsync(cancellationToken);
        var after = before;
        foreach (var (metadata, _, _) in models.Where(model => model.Metadata.Role == ModelRole.Champion))
        {
            after = after.With(metadata.Model, new ChampionEntry(metadata.Version, metadata.CreatedAt, metadata.ValidationMetrics.GetValueOrDefault("mae", double.NaN)));
        }
        var decisions = models.Select(model => new ModelDecision(model.Metadata.Model, model.Metadata.Version, model.Metadata.Role == ModelRole.Champion,
            model.Metadata.RoleReason ?? "", model.Evidence)).ToList();
        // A new shadow challenger replaces its model's previous one; a new champion ends its model's shadow.
        var shadow = await ReadShadowAsync(cancellationToken);
        foreach (var (metadata, _, _) in models)
        {
            shadow = metadata.Role switch
            {
                ModelRole.Shadow => shadow.With(metadata.Model, new ChampionEntry(metadata.Version, metadata.CreatedAt, metadata.ValidationMetrics.GetValueOrDefault("mae", double.NaN))),
                ModelRole.Champion => Without(shadow, metadata.Model),
                _ => shadow,
            };
        }
        await artifacts.WriteJsonAsync(RegistryPaths.Shadow, shadow, ArtifactJson.Options, cancellationToken);
        return await RecordAsync(new RegistryEvent(models.Select(model => model.Metadata.CreatedAt).DefaultIfEmpty(DateTimeOffset.UtcNow).Max(),
            RegistryEvent.TrainingRun, decisions, before, after), cancellationToken);
    }

    /// <summary>
    /// Restores the champion set that the last recorded change (a training run or a promotion, not an earlier
    /// rollback) replaced with the current one; rolling back again goes one change further back.
    /// </summary>
    /// <exception cref="RegistryException">There is no recorded change that led to the current set, or it replaced nothing.</exception>
    public async Task<RegistryEvent> RollbackAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var current = await ReadChampionsAsync(cancellationToken);
        if (current.Models.Count == 0)
        {
            throw new RegistryException("There is no champion to roll back: models/champion.json names none.");
        }
        var history = await HistoryAsync(cancellationToken);
        var change = history.LastOrDefault(entry => entry.Action != RegistryEvent.Rollback && entry.ChangedChampions && entry.After.SameVersionsAs(current))
            ?? throw new RegistryException($"No previous champion set: the history records no change that made the current champions ({Describe(current)}).");
        if (change.Before.Models.Count == 0)
        {
            throw new RegistryException($"No previous champion set: the current champions ({Describe(current)}) were the first; rolling back would serve nothing.");
        }
        var decisions = change.Before.Models.Select(pair => new ModelDecision(pair.Key, pair.Value.Version, true,
            $"restored by a rollback of the {change.Action} of {change.At:yyyy-MM-dd HH:mm:ss} UTC")).ToList();
        return await RecordAsync(new RegistryEvent(now, RegistryEvent.Rollback, decisions, current, change.Before), cancellationToken);
    }

    /// <summary>The challengers served in shadow, by model.</summary>
    public async Task<ChampionPointer> ReadShadowAsync(CancellationToken cancellationToken = default) =>
        await artifacts.ReadJsonAsync<ChampionPointer>(RegistryPaths.Shadow, ArtifactJson.Options, cancellationToken) ?? ChampionPointer.Empty;

    /// <summary>
    /// Makes a shadow challenger its model's champion on live evidence (<see cref="ShadowJudge"/>): the decision and its numbers go
    /// to the history, the shadow entry is removed, then the pointer moves.
    /// </summary>
    public async Task<RegistryEvent> PromoteShadowAsync(string model, string version, string reason, ChampionEvidence evidence, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var metadata = await ReadMetadataAsync(model, version, cancellationToken)
            ?? throw new RegistryException($"No complete version '{version}' of model '{model}' in the registry.", notFound: true);
        var before = await ReadChampionsAsync(cancellationToken);
        var after = before.With(model, new ChampionEntry(version, now, metadata.ValidationMetrics.GetValueOrDefault("mae", double.NaN)));
        await artifacts.WriteJsonAsync(RegistryPaths.Shadow, Without(await ReadShadowAsync(cancellationToken), model), ArtifactJson.Options, cancellationToken);
        return await RecordAsync(new RegistryEvent(now, RegistryEvent.ShadowPromotion, [new ModelDecision(model, version, true, reason, evidence)], before, after), cancellationToken);
    }

    private static ChampionPointer Without(ChampionPointer pointer, string model) =>
        new(pointer.Models.Where(pair => pair.Key != model).ToDictionary(pair => pair.Key, pair => pair.Value));

    /// <summary>An operator makes a complete version its model's champion, whatever its numbers; the history says who decided.</summary>
    /// <exception cref="RegistryException">The version does not exist (not found), or its feature schema differs from the other champions'.</exception>
    public async Task<RegistryEvent> PromoteAsync(string model, string version, string reason, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var metadata = await ReadMetadataAsync(model, version, cancellationToken)
            ?? throw new RegistryException($"No complete version '{version}' of model '{model}' in the registry.", notFound: true);
        var before = await ReadChampionsAsync(cancellationToken);
        foreach (var (other, entry) in before.Models.Where(pair => pair.Key != model))
        {
            if (await ReadMetadataAsync(other, entry.Version, cancellationToken) is { } champion && champion.FeatureSchemaHash != metadata.FeatureSchemaHash)
            {
                throw new RegistryException(
                    $"{model} {version} was trained on feature schema {metadata.FeatureSchemaHash}; the {other} champion ({entry.Version}) on {champion.FeatureSchemaHash}. " +
                    "Champions served together must share a schema: promote a matching version of each, or retrain.");
            }
        }
        var after = before.With(model, new ChampionEntry(version, now, metadata.ValidationMetrics.GetValueOrDefault("mae", double.NaN)));
        return await RecordAsync(new RegistryEvent(now, RegistryEvent.Promote, [new ModelDecision(model, version, true, reason)], before, after), cancellationToken);
    }

    /// <summary>Every recorded decision, oldest first.</summary>
    public async Task<IReadOnlyList<RegistryEvent>> HistoryAsync(CancellationToken cancellationToken = default)
    {
        var events = new List<RegistryEvent>();
        await using var stream = await artifacts.TryOpenReadAsync(RegistryPaths.History, cancellationToken);
        if (stream is null)
        {
            return events;
        }
        using var reader = new StreamReader(stream);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (line.Length > 0)
            {
                events.Add(JsonSerializer.Deserialize<RegistryEvent>(line, HistoryJson)
                    ?? throw new InvalidDataException($"{RegistryPaths.History} line {number} is empty JSON."));
            }
        }
        return events;
    }

    /// <summary>Appends the event to the history, then — when it changes the champion set — writes the pointer.</summary>
    private async Task<RegistryEvent> RecordAsync(RegistryEvent entry, CancellationToken cancellationToken)
    {
        var history = new MemoryStream();
        await using (var existing = await artifacts.TryOpenReadAsync(RegistryPaths.History, cancellationToken))
        {
            if (existing is not null)
            {
                await existing.CopyToAsync(history, cancellationToken);
            }
        }
        history.Write(JsonSerializer.SerializeToUtf8Bytes(entry, HistoryJson));
        history.WriteByte((byte)'\n');
        history.Position = 0;
        await artifacts.WriteAsync(RegistryPaths.History, history, cancellationToken);
        if (entry.ChangedChampions)
        {
            await artifacts.WriteJsonAsync(RegistryPaths.Champion, entry.After, ArtifactJson.Options, cancellationToken);
        }
        return entry;
    }

    private static string Describe(ChampionPointer pointer) => string.Join(", ", pointer.Models.Select(pair => $"{pair.Key} {pair.Value.Version}"));

    public async Task<ChampionPointer> ReadChampionsAsync(CancellationToken cancellationToken = default) =>
        await artifacts.ReadJsonAsync<ChampionPointer>(RegistryPaths.Champion, ArtifactJson.Options, cancellationToken) ?? ChampionPointer.Empty;

    /// <summary>The metadata of a complete version, or <see langword="null"/> when the version is absent or incomplete.</summary>
    public Task<ModelMetadata?> ReadMetadataAsync(string model, string version, CancellationToken cancellationToken = default) =>
        artifacts.ReadJsonAsync<ModelMetadata>(RegistryPaths.Of(model, version, RegistryPaths.Metadata), ArtifactJson.Options, cancellationToken);

    public Task<Stream?> OpenModelFileAsync(ModelMetadata metadata, CancellationToken cancellationToken = default) =>
        artifacts.TryOpenReadAsync(RegistryPaths.Of(metadata.Model, metadata.Version, metadata.ModelFile), cancellationToken);

    /// <summary>The complete versions of a model, oldest first.</summary>
    public async Task<IReadOnlyList<string>> VersionsAsync(string model, CancellationToken cancellationToken = default)
    {
        var versions = new List<string>();
        await foreach (var info in artifacts.ListAsync($"models/{model}/", cancellationToken))
        {
            var parts = info.Path.Split('/');
            if (parts.Length == 4 && parts[3] == RegistryPaths.Metadata)
            {
                versions.Add(parts[2]);
            }
        }
        versions.Sort(StringComparer.Ordinal);
        return versions;
    }
}

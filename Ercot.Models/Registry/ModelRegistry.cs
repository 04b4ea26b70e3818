using Ercot.Core.Models;
using Ercot.Core.Storage;

namespace Ercot.Models.Registry;

/// <summary>
/// The model registry in the artifact store: <c>models/{model}/{version}/</c> holds the model file and
/// <c>metadata.json</c>; <c>models/champion.json</c> names the serving version of each model. Publishing
/// writes the files, then the metadata (a version without it is incomplete and ignored), then — only
/// for a new champion — the pointer, last. A publish cancelled or killed at any point leaves the
/// pointer on a complete version.
/// </summary>
public sealed class ModelRegistry(IArtifactStore artifacts)
{

    /// <summary>A new version id: sortable by time, unique enough for one registry.</summary>
    public static string NewVersion(DateTimeOffset now) => $"{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..6]}";

    public async Task PublishAsync(ModelMetadata metadata, Func<Stream> modelFile, CancellationToken cancellationToken = default)
    {
        await using (var file = modelFile())
        {
            await artifacts.WriteAsync(RegistryPaths.Of(metadata.Model, metadata.Version, metadata.ModelFile), file, cancellationToken);
        }
        await artifacts.WriteJsonAsync(RegistryPaths.Of(metadata.Model, metadata.Version, RegistryPaths.Metadata), metadata, ArtifactJson.Options, cancellationToken);
        if (metadata.Role == ModelRole.Champion)
        {
            var pointer = (await ReadChampionsAsync(cancellationToken)).With(metadata.Model,
                new ChampionEntry(metadata.Version, DateTimeOffset.UtcNow, metadata.ValidationMetrics.GetValueOrDefault("mae", double.NaN)));
            await artifacts.WriteJsonAsync(RegistryPaths.Champion, pointer, ArtifactJson.Options, cancellationToken);
        }
    }

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

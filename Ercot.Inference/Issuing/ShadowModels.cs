using Ercot.Inference.Scoring;
using Ercot.Models;
using Ercot.Models.Registry;

namespace Ercot.Inference.Issuing;

/// <summary>Loads the challengers served in shadow (<c>models/shadow.json</c>) that share the champions' feature schema, for one issue.</summary>
public sealed class ShadowModels(ModelRegistry registry)
{
    public async Task<LoadedModels?> LoadAsync(string schemaHash, CancellationToken cancellationToken)
    {
        var shadow = await registry.ReadShadowAsync(cancellationToken);
        var loaded = new Dictionary<string, LoadedModel>();
        foreach (var (name, entry) in shadow.Models.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (await registry.ReadMetadataAsync(name, entry.Version, cancellationToken) is not { } metadata || metadata.FeatureSchemaHash != schemaHash)
            {
                continue;
            }
            await using var file = await registry.OpenModelFileAsync(metadata, cancellationToken);
            if (file is not null)
            {
                loaded[name] = new LoadedModel(metadata, DartModels.Load(name, file, metadata.Features.Count));
            }
        }
        return loaded.Count == 0 ? null : new LoadedModels(loaded, "shadow");
    }
}

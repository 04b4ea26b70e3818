using Ercot.Core.Models;
using Ercot.Models;

namespace Ercot.Inference.Scoring;

/// <summary>A champion model ready to score, with what the registry knows about it.</summary>
public sealed record LoadedModel(ModelMetadata Metadata, IDartModel Model);

/// <summary>
/// One immutable set of champions, all trained on the same feature schema. Requests take the current
/// set when they start and keep it to the end, so a swap never changes models under a request.
/// </summary>
public sealed class LoadedModels(IReadOnlyDictionary<string, LoadedModel> models, string championFingerprint) : IDisposable
{
    public const string Ensemble = "ensemble";

    public IReadOnlyDictionary<string, LoadedModel> Models { get; } = models;

    /// <summary>The champion pointer this set was loaded from.</summary>
    public string ChampionFingerprint { get; } = championFingerprint;

    public IReadOnlyList<string> Features { get; } = models.Values.FirstOrDefault()?.Metadata.Features ?? [];

    public string SchemaHash { get; } = models.Values.FirstOrDefault()?.Metadata.FeatureSchemaHash ?? "";

    public IReadOnlyDictionary<string, string> Versions => Models.ToDictionary(pair => pair.Key, pair => pair.Value.Metadata.Version);

    public void Dispose()
    {
        foreach (var model in Models.Values)
        {
            model.Model.Dispose();
        }
    }
}

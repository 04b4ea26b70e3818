using Ercot.Core.Models;
using Ercot.Models;
using Ercot.Models.Forecasting;

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

    /// <summary>
    /// Positions of the features some champion predicts from: every feature but those each model left out on
    /// purpose when it trained (absent where it was to forecast). A row without one of these is scored all the
    /// same, down the trees' missing branches, and its answer says which inputs it lacked.
    /// </summary>
    public IReadOnlyList<int> UsedFeatures { get; } = Used(models.Values);

    /// <summary>The inputs some champion uses that <paramref name="features"/> lacks (NaN), in feature order.</summary>
    public IReadOnlyList<string> MissingInputs(ReadOnlySpan<float> features)
    {
        List<string>? missing = null;
        foreach (var f in UsedFeatures)
        {
            if (f < features.Length && float.IsNaN(features[f]))
            {
                (missing ??= []).Add(Features[f]);
            }
        }
        return missing ?? (IReadOnlyList<string>)[];
    }

    private static int[] Used(IEnumerable<LoadedModel> models)
    {
        var loaded = models.ToList();
        var features = loaded.FirstOrDefault()?.Metadata.Features ?? [];
        var droppedByAll = loaded
            .Select(model => model.Model is DartForecaster forecaster ? forecaster.State.DroppedFeatures.ToHashSet(StringComparer.Ordinal) : [])
            .Aggregate((HashSet<string>?)null, (all, dropped) => all is null ? dropped : [.. all.Intersect(dropped)]) ?? [];
        return [.. Enumerable.Range(0, features.Count).Where(f => !droppedByAll.Contains(features[f]))];
    }

    public IReadOnlyDictionary<string, string> Versions => Models.ToDictionary(pair => pair.Key, pair => pair.Value.Metadata.Version);

    public void Dispose()
    {
        foreach (var model in Models.Values)
        {
            model.Model.Dispose();
        }
    }
}

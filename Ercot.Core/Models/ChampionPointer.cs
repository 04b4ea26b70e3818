namespace Ercot.Core.Models;

/// <summary>
/// <c>models/champion.json</c>: the serving version of each model. Written last when a model is
/// published, so a reader never meets a champion whose files are incomplete.
/// </summary>
public sealed record ChampionPointer(IReadOnlyDictionary<string, ChampionEntry> Models)
{
    public static ChampionPointer Empty { get; } = new(new Dictionary<string, ChampionEntry>());

    public ChampionPointer With(string model, ChampionEntry entry) =>
        new(new Dictionary<string, ChampionEntry>(Models) { [model] = entry });

    /// <summary>Whether both name the same version of the same models (when and at what MAE aside).</summary>
    public bool SameVersionsAs(ChampionPointer other) =>
        Models.Count == other.Models.Count && Models.All(pair => other.Models.TryGetValue(pair.Key, out var entry) && entry.Version == pair.Value.Version);
}

/// <summary>A model's serving version, when it was made champion, and its validation MAE then.</summary>
public sealed record ChampionEntry(string Version, DateTimeOffset PromotedAt, double ValidationMae);

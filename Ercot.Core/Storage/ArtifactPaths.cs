namespace Ercot.Core.Storage;

/// <summary>Well-known objects in the artifact store (see the model registry in DESIGN.md).</summary>
public static class ArtifactPaths
{
    /// <summary>The feature schema written by every feature build; its hash ties models to features.</summary>
    public const string FeatureSchema = "features/schema.json";

    /// <summary>The registry pointer naming the serving version of each model; always written last.</summary>
    public const string ChampionPointer = "models/champion.json";
}

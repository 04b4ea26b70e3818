using Ercot.Core.Storage;

namespace Ercot.Core.Models;

/// <summary>Where the registry keeps things in the artifact store.</summary>
public static class RegistryPaths
{
    public const string Metadata = "metadata.json";

    public static string Folder(string model, string version) => $"models/{model}/{version}/";

    public static string Of(string model, string version, string file) => Folder(model, version) + file;

    public static string Champion => ArtifactPaths.ChampionPointer;

    /// <summary>The challengers served in shadow (<see cref="ChampionPointer"/>'s form): forecast beside the champions, never served, judged live.</summary>
    public const string Shadow = "models/shadow.json";

    /// <summary>Every champion decision, one JSON document a line, appended before the pointer moves.</summary>
    public const string History = "models/history.jsonl";
}

using System.Text.Json;
using Ercot.Core.Storage;

namespace Ercot.Core.Replica;

/// <summary>
/// What the market replica simulates (seed, settlement points, first operating day) and how far it has published:
/// every row ERCOT would have made public by <see cref="PublishedThroughUtc"/> is in the store, none later. Kept
/// as JSON beside the DuckDB file it feeds (<see cref="PathFor"/>); a store without it was not written by the
/// replica (imported or real data) and is never simulated into.
/// </summary>
public sealed record ReplicaState(ulong Seed, IReadOnlyList<string> Points, DateOnly Origin, DateTime? PublishedThroughUtc)
{
    public static string PathFor(string duckDbPath) => Path.GetFullPath(duckDbPath) + ".replica.json";

    public static ReplicaState? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<ReplicaState>(File.ReadAllBytes(path), ArtifactJson.Options)
                ?? throw new InvalidDataException($"{path} is empty JSON.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a market replica state ({e.Message}); delete it and the store beside it to start the market afresh.", e);
        }
    }

    /// <summary>Replaces the file atomically (written aside, then renamed): a crash leaves the old state or the new one.</summary>
    public void Write(string path)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(this, ArtifactJson.Options));
        File.Move(temporary, path, overwrite: true);
    }
}

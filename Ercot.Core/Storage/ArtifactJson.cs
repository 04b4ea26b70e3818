using System.Text.Json;

namespace Ercot.Core.Storage;

/// <summary>JSON documents in the artifact store: statuses, metadata, pointers.</summary>
public static class ArtifactJson
{
    /// <summary>
    /// How artifacts are written: web naming, indented, enums as names, and NaN as "NaN" (some metrics
    /// are undefined on some blocks). Shared by build statuses, run statuses and the model registry.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static async Task WriteJsonAsync<T>(this IArtifactStore store, string path, T value, JsonSerializerOptions options, CancellationToken cancellationToken = default) =>
        await store.WriteAsync(path, new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(value, options)), cancellationToken);

    /// <summary>The document at <paramref name="path"/>, or <see langword="default"/> when there is none.</summary>
    public static async Task<T?> ReadJsonAsync<T>(this IArtifactStore store, string path, JsonSerializerOptions options, CancellationToken cancellationToken = default)
    {
        await using var stream = await store.TryOpenReadAsync(path, cancellationToken);
        return stream is null ? default : await JsonSerializer.DeserializeAsync<T>(stream, options, cancellationToken);
    }
}

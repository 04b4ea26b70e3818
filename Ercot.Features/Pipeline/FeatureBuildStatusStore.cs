using System.Text.Json;
using Ercot.Core.Storage;

namespace Ercot.Features.Pipeline;

/// <summary>Reads and writes build statuses in the artifact store.</summary>
public sealed class FeatureBuildStatusStore(IArtifactStore artifacts)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static string PathOf(string id) => $"features/builds/{id}.json";

    public async Task SaveAsync(FeatureBuildStatus status, CancellationToken cancellationToken = default) =>
        await artifacts.WriteAsync(PathOf(status.Id), new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(status, Json)), cancellationToken);

    public async Task<FeatureBuildStatus?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var stream = await artifacts.TryOpenReadAsync(PathOf(id), cancellationToken);
        return stream is null ? null : await JsonSerializer.DeserializeAsync<FeatureBuildStatus>(stream, Json, cancellationToken);
    }
}

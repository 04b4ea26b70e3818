using Ercot.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ercot.Inference.Scoring;

/// <summary>Degraded ("no model loaded") until the service holds champions to score with; then says which.</summary>
internal sealed class ModelsLoadedHealthCheck(ChampionHolder champions, IArtifactStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (champions.Current is { } models)
        {
            return HealthCheckResult.Healthy($"serving {string.Join(", ", models.Versions.Select(pair => $"{pair.Key} {pair.Value}"))}");
        }
        var pointer = await store.TryGetInfoAsync(ArtifactPaths.ChampionPointer, cancellationToken);
        return HealthCheckResult.Degraded(pointer is null
            ? $"no model loaded: no champion published ({ArtifactPaths.ChampionPointer} is absent)"
            : $"no model loaded yet: a champion is published ({ArtifactPaths.ChampionPointer}, {pointer.LastModified:u}) and is being loaded");
    }
}

using Ercot.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ercot.Inference.Scoring;

/// <summary>
/// Degraded until the service holds a model it can score with. This build loads no models yet, so it
/// stays Degraded and says whether a champion is at least published for it to load.
/// </summary>
internal sealed class ModelsLoadedHealthCheck(IArtifactStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var champion = await store.TryGetInfoAsync(ArtifactPaths.ChampionPointer, cancellationToken);
        return HealthCheckResult.Degraded(champion is null
            ? $"no model loaded: no champion published ({ArtifactPaths.ChampionPointer} is absent)"
            : $"no model loaded: a champion is published ({ArtifactPaths.ChampionPointer}, {champion.LastModified:u}) but this service does not load models yet");
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ercot.Core.Storage;

/// <summary>Unhealthy while the artifact store cannot be reached: no service can do its job without it.</summary>
internal sealed class ArtifactStoreHealthCheck(IArtifactStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.EnsureReachableAsync(cancellationToken);
            return HealthCheckResult.Healthy(store.Location);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"artifact store unreachable ({store.Location}): {e.Message}", e);
        }
    }
}

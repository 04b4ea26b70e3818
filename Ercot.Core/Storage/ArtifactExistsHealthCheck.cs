using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ercot.Core.Storage;

/// <summary>
/// Degraded, with a reason a person can act on, until an artifact that a service needs exists
/// (the feature schema for training, say). Healthy once it does.
/// </summary>
public sealed class ArtifactExistsHealthCheck(IArtifactStore store, string path, string missingReason) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var info = await store.TryGetInfoAsync(path, cancellationToken);
        return info is null
            ? HealthCheckResult.Degraded(missingReason)
            : HealthCheckResult.Healthy($"{path} written {info.LastModified:u}");
    }
}

using Ercot.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ercot.Training.Trainers;

/// <summary>
/// Degraded until the service can train: it needs built features, and this build of the service has
/// no trainers yet. Says which of the two is missing.
/// </summary>
internal sealed class TrainingReadinessHealthCheck(IArtifactStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var features = await store.TryGetInfoAsync(ArtifactPaths.FeatureSchema, cancellationToken);
        return HealthCheckResult.Degraded(features is null
            ? $"no features to train on: {ArtifactPaths.FeatureSchema} is not in the artifact store"
            : $"features are built ({ArtifactPaths.FeatureSchema}, {features.LastModified:u}), but no trainer is available in this build yet");
    }
}

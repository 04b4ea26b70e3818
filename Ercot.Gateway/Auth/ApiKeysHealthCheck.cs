using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ercot.Gateway.Auth;

/// <summary>Degraded while no key is configured: the gateway runs, but must refuse every request.</summary>
internal sealed class ApiKeysHealthCheck(ApiKeyStore keys) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(keys.Count == 0
            ? HealthCheckResult.Degraded("no API keys configured: every request will be refused (configure Gateway:ApiKeys, or run ./run.sh for a development key)")
            : HealthCheckResult.Healthy($"{keys.Count} API key(s) configured"));
}

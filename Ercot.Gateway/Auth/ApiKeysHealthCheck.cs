using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ercot.Gateway.Auth;

/// <summary>
/// With no key configured the gateway runs but refuses every request. On a developer's machine that is Degraded (run
/// ./run.sh for a key); anywhere else it is Unhealthy, naming the setting, so a deployed gateway without keys is not
/// put in rotation — never silently open, never silently closed.
/// </summary>
internal sealed class ApiKeysHealthCheck(ApiKeyStore keys, IHostEnvironment environment) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(keys.Count > 0
            ? HealthCheckResult.Healthy($"{keys.Count} API key(s) configured")
            : environment.IsDevelopment()
                ? HealthCheckResult.Degraded("no API keys configured: every request will be refused (configure Gateway:ApiKeys, or run ./run.sh for a development key)")
                : HealthCheckResult.Unhealthy($"no API keys configured in {environment.EnvironmentName}: every request is refused. Set Gateway:ApiKeys (name, SHA-256, scopes), e.g. from Key Vault secrets."));
}

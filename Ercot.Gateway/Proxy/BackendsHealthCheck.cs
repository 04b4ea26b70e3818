using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Ercot.Gateway.Proxy;

/// <summary>
/// The gateway's view of each backend, from its active and passive health checks: Degraded (still HTTP 200, so the
/// gateway stays in rotation and answers 503 for that service alone) while any is out, naming which.
/// </summary>
internal sealed class BackendsHealthCheck(IProxyStateLookup proxy) : IHealthCheck
{
    public const string Name = "backends";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var states = proxy.GetClusters().OrderBy(cluster => cluster.ClusterId, StringComparer.Ordinal)
            .ToDictionary(cluster => cluster.ClusterId, State, StringComparer.Ordinal);
        var down = states.Where(pair => pair.Value == "down").Select(pair => pair.Key).ToList();
        var data = states.ToDictionary(pair => pair.Key, pair => (object)pair.Value);
        var summary = string.Join(", ", states.Select(pair => $"{pair.Key} {pair.Value}"));
        return Task.FromResult(down.Count > 0
            ? HealthCheckResult.Degraded($"backend(s) down: {string.Join(", ", down)} ({summary})", data: data)
            : HealthCheckResult.Healthy(summary, data));
    }

    /// <summary>"up", "down" or "unknown" (not probed yet) for a cluster's destinations together.</summary>
    private static string State(ClusterState cluster)
    {
        var destinations = cluster.Destinations.Values.ToList();
        if (destinations.Count == 0 || destinations.All(destination => Down(destination.Health)))
        {
            return "down";
        }
        return destinations.Any(destination => destination.Health.Active == DestinationHealth.Healthy) ? "up" : "unknown";
    }

    private static bool Down(DestinationHealthState health) =>
        health.Active == DestinationHealth.Unhealthy || health.Passive == DestinationHealth.Unhealthy;
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ercot.Features.Replica;

/// <summary>The market replica on /health (and so in the dashboard): Degraded while it catches up or fails, healthy when live or off.</summary>
internal sealed class ReplicaHealthCheck(ReplicaStatus status) : IHealthCheck
{
    public const string Name = "market-replica";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = status.Current;
        var data = new Dictionary<string, object> { ["mode"] = current.Mode.ToString() };
        if (current.Last is { } last)
        {
            data["publishedThroughUtc"] = last.ThroughUtc.ToString("O");
            data["lastRows"] = last.Rows;
        }
        return Task.FromResult(current.Mode is ReplicaMode.Live or ReplicaMode.Off
            ? HealthCheckResult.Healthy(current.Description, data)
            : HealthCheckResult.Degraded(current.Description, data: data));
    }
}

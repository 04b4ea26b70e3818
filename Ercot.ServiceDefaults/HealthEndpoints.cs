namespace Ercot.ServiceDefaults;

/// <summary>Paths of the probes every service maps; the AppHost and the gateway use them too.</summary>
public static class HealthEndpoints
{
    /// <summary>Readiness: every health check. Degraded (HTTP 200) carries the reason in the body.</summary>
    public const string Ready = "/health";

    /// <summary>Liveness: only the checks tagged <see cref="LiveTag"/>.</summary>
    public const string Alive = "/alive";

    public const string LiveTag = "live";
}

using Ercot.Gateway.Auth;
using Ercot.Gateway.RateLimiting;
using Ercot.ServiceDefaults;
using Yarp.ReverseProxy.Configuration;

namespace Ercot.Gateway.Extensions;

/// <summary>
/// Which public path goes to which service, and which scope it needs. Built from the shared
/// resource names so that a renamed service cannot leave a dangling route behind.
/// </summary>
public static class GatewayRoutes
{
    /// <summary>
    /// Scoring answers in milliseconds (a full batch in well under a second); a caller waiting longer than this is
    /// better told to retry. It also bounds the wait of a request that was on its way when a service died, before
    /// the probes have taken it out.
    /// </summary>
    public static readonly TimeSpan ScoringTimeout = TimeSpan.FromSeconds(2);

    /// <summary>A forecast reads a month of features; API documents and pages are small.</summary>
    public static readonly TimeSpan ReadingTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Admin calls queue work and answer; the Hangfire pages and the model registry read more.</summary>
    public static readonly TimeSpan AdminTimeout = TimeSpan.FromSeconds(60);

    public static IReadOnlyList<RouteConfig> Routes { get; } =
    [
        Route("score", "/score", ResourceNames.Inference, ApiKeyScopes.Score, ScoringTimeout),
        Route("model-info", "/model/info", ResourceNames.Inference, ApiKeyScopes.Score, ScoringTimeout),
        Route("open-inference", "/v2/{**rest}", ResourceNames.Inference, ApiKeyScopes.Score, ScoringTimeout),
        Route("forecast", "/forecast", ResourceNames.Inference, ApiKeyScopes.Score, ReadingTimeout),
        Route("forecast-rows", "/forecast/rows", ResourceNames.Inference, ApiKeyScopes.Score, ReadingTimeout),
        Route("forecast-day", "/forecast/day", ResourceNames.Inference, ApiKeyScopes.Score, ReadingTimeout),
        Route("issued-forecasts", "/forecasts/issued/{**rest}", ResourceNames.Inference, ApiKeyScopes.Score, ReadingTimeout, "GET"),
        Route("issue-forecast", "/forecasts/issued", ResourceNames.Inference, ApiKeyScopes.Admin, AdminTimeout, "POST"),
        Route("bids", "/bids", ResourceNames.Inference, ApiKeyScopes.Score, ReadingTimeout),
        Route("track-record", "/track-record", ResourceNames.Inference, ApiKeyScopes.Score, ReadingTimeout),
        Route("openapi", "/openapi/{**rest}", ResourceNames.Inference, ApiKeyScopes.Score, ReadingTimeout),
        Route("scalar", "/scalar/{**rest}", ResourceNames.Inference, ApiKeyScopes.Score, ReadingTimeout),
        Route("models", "/models/{**rest}", ResourceNames.Inference, ApiKeyScopes.Admin, AdminTimeout),
        Route("monitoring", "/monitoring/{**rest}", ResourceNames.Inference, ApiKeyScopes.Admin, AdminTimeout),
        Route("features", "/features/{**rest}", ResourceNames.Features, ApiKeyScopes.Admin, AdminTimeout),
        Route("hangfire", "/hangfire/{**rest}", ResourceNames.Features, ApiKeyScopes.Admin, AdminTimeout),
        Route("training", "/training/{**rest}", ResourceNames.Training, ApiKeyScopes.Admin, AdminTimeout),
        // The desk's pages are open to any key; the desk itself offers admin actions only to admin keys.
        Route("desk", "/desk/{**rest}", ResourceNames.Desk, ApiKeyScopes.AnyScope, ReadingTimeout),
    ];

    public static IReadOnlyList<ClusterConfig> Clusters { get; } =
        [Cluster(ResourceNames.Inference), Cluster(ResourceNames.Features), Cluster(ResourceNames.Training), Cluster(ResourceNames.Desk)];

    private static RouteConfig Route(string id, string path, string cluster, string scope, TimeSpan timeout, string? method = null) => new()
    {
        RouteId = id,
        ClusterId = cluster,
        Match = new RouteMatch { Path = path, Methods = method is null ? null : [method] },
        AuthorizationPolicy = scope,
        RateLimiterPolicy = PerKeyRateLimiting.PolicyName,
        Timeout = timeout,
    };

    // "http://inference" is resolved by service discovery to wherever the AppHost or Container Apps put it.
    // Each service's liveness is probed every second: two failed probes take it out, and requests get a 503 at
    // once instead of waiting on a dead backend; the first good probe puts it back. With its only destination
    // down a cluster has none to offer (never the "panic" mode that would send to it anyway).
    private static ClusterConfig Cluster(string service) => new()
    {
        ClusterId = service,
        Destinations = new Dictionary<string, DestinationConfig>
        {
            [service] = new() { Address = $"http://{service}" },
        },
        HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = AdminTimeout },
        HealthCheck = new HealthCheckConfig
        {
            AvailableDestinationsPolicy = Yarp.ReverseProxy.Health.HealthCheckConstants.AvailableDestinations.HealthyAndUnknown,
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = TimeSpan.FromSeconds(1),
                Timeout = TimeSpan.FromSeconds(1),
                Policy = "ConsecutiveFailures",
                Path = HealthEndpoints.Alive,
            },
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = "TransportFailureRate",
                ReactivationPeriod = TimeSpan.FromSeconds(5),
            },
        },
        Metadata = new Dictionary<string, string> { ["ConsecutiveFailuresHealthPolicy.Threshold"] = "2" },
    };
}

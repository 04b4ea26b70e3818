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
    public static IReadOnlyList<RouteConfig> Routes { get; } =
    [
        Route("score", "/score", ResourceNames.Inference, ApiKeyScopes.Score),
        Route("model-info", "/model/info", ResourceNames.Inference, ApiKeyScopes.Score),
        Route("forecast", "/forecast", ResourceNames.Inference, ApiKeyScopes.Score),
        Route("openapi", "/openapi/{**rest}", ResourceNames.Inference, ApiKeyScopes.Score),
        Route("open-inference", "/v2/{**rest}", ResourceNames.Inference, ApiKeyScopes.Score),
        Route("scalar", "/scalar/{**rest}", ResourceNames.Inference, ApiKeyScopes.Score),
        Route("models", "/models/{**rest}", ResourceNames.Inference, ApiKeyScopes.Admin),
        Route("monitoring", "/monitoring/{**rest}", ResourceNames.Inference, ApiKeyScopes.Admin),
        Route("features", "/features/{**rest}", ResourceNames.Features, ApiKeyScopes.Admin),
        Route("hangfire", "/hangfire/{**rest}", ResourceNames.Features, ApiKeyScopes.Admin),
        Route("training", "/training/{**rest}", ResourceNames.Training, ApiKeyScopes.Admin),
    ];

    public static IReadOnlyList<ClusterConfig> Clusters { get; } =
        [Cluster(ResourceNames.Inference), Cluster(ResourceNames.Features), Cluster(ResourceNames.Training)];

    private static RouteConfig Route(string id, string path, string cluster, string scope) => new()
    {
        RouteId = id,
        ClusterId = cluster,
        Match = new RouteMatch { Path = path },
        AuthorizationPolicy = scope,
        RateLimiterPolicy = PerKeyRateLimiting.PolicyName,
    };

    // "http://inference" is resolved by service discovery to wherever the AppHost or Container Apps put it.
    private static ClusterConfig Cluster(string service) => new()
    {
        ClusterId = service,
        Destinations = new Dictionary<string, DestinationConfig>
        {
            [service] = new() { Address = $"http://{service}" },
        },
    };
}

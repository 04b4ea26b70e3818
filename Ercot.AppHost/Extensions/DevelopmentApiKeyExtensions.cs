using Ercot.Core.Security;

namespace Ercot.AppHost.Extensions;

/// <summary>
/// Hands the gateway the hash of this machine's development key. run.sh generates the key into the
/// AppHost's user secrets (<c>Ercot:DevelopmentApiKey</c>); the gateway honours it only in the
/// Development environment, and a published app never carries it.
/// </summary>
internal static class DevelopmentApiKeyExtensions
{
    public const string ConfigurationKey = "Ercot:DevelopmentApiKey";

    public static IResourceBuilder<ProjectResource> WithDevelopmentApiKey(this IResourceBuilder<ProjectResource> gateway)
    {
        var builder = gateway.ApplicationBuilder;
        var key = builder.Configuration[ConfigurationKey];
        if (!builder.ExecutionContext.IsRunMode || string.IsNullOrEmpty(key))
        {
            return gateway;
        }
        return gateway.WithEnvironment("Gateway__DevelopmentKeySha256", ApiKeyHash.ComputeHex(key));
    }

    /// <summary>Passes a per-key rate limit set on the AppHost (<c>Gateway:RequestsPerMinute</c>) on to the gateway, for load tests.</summary>
    public static IResourceBuilder<ProjectResource> WithGatewayRateLimitOverride(this IResourceBuilder<ProjectResource> gateway)
    {
        var limit = gateway.ApplicationBuilder.Configuration["Gateway:RequestsPerMinute"];
        return string.IsNullOrEmpty(limit) ? gateway : gateway.WithEnvironment("Gateway__RequestsPerMinute", limit);
    }
}

using Microsoft.Extensions.Configuration;
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

    /// <summary>
    /// In run mode, passes the AppHost's own <c>Gateway</c> settings (its user secrets, appsettings or command line:
    /// more keys by name, hash and scopes, the rate limits) on to the gateway, so a local key for a script or a load
    /// test is one <c>dotnet user-secrets set</c> away. A published app takes its keys from secret parameters instead.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithLocalGatewaySettings(this IResourceBuilder<ProjectResource> gateway)
    {
        var builder = gateway.ApplicationBuilder;
        if (!builder.ExecutionContext.IsRunMode)
        {
            return gateway;
        }
        foreach (var (key, value) in builder.Configuration.GetSection("Gateway").AsEnumerable())
        {
            if (!string.IsNullOrEmpty(value))
            {
                gateway.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
            }
        }
        return gateway;
    }
}

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
}

namespace Ercot.AppHost.Extensions;

/// <summary>
/// What only a published (Azure) application has; run mode stays as it is, without Docker. Training is a container
/// built from its Dockerfile with the repository root as context (it needs Ercot.Core and the service defaults
/// beside it, and the CUDA libtorch); the gateway's keys are secret parameters (their hashes, from Key Vault); the
/// Features service keeps its Hangfire jobs in SQL Server, so a restart or a second replica loses none.
/// </summary>
internal static class PublishExtensions
{
    public const string JobStoreConnection = "hangfire";

    /// <summary>The two keys a deployment starts with: a trading desk's (score) and an operator's (score and admin).</summary>
    public static readonly (string Parameter, string Name, string[] Scopes)[] GatewayKeys =
    [
        ("gateway-desk-key-sha256", "trading-desk", ["score"]),
        ("gateway-ops-key-sha256", "ops", ["score", "admin"]),
    ];

    public static IResourceBuilder<ProjectResource> PublishTrainingFromDockerfile(this IResourceBuilder<ProjectResource> training) =>
        training.PublishAsDockerFile(container => container.WithDockerfile(contextPath: "..", dockerfilePath: "Ercot.Training/Dockerfile"));

    public static IResourceBuilder<ProjectResource> WithPublishedApiKeys(this IResourceBuilder<ProjectResource> gateway)
    {
        var builder = gateway.ApplicationBuilder;
        if (!builder.ExecutionContext.IsPublishMode)
        {
            return gateway;
        }
        for (var i = 0; i < GatewayKeys.Length; i++)
        {
            var (parameter, name, scopes) = GatewayKeys[i];
            var prefix = $"Gateway__ApiKeys__{i}__";
            gateway.WithEnvironment(prefix + "Name", name)
                .WithEnvironment(prefix + "Sha256", builder.AddParameter(parameter, secret: true));
            for (var s = 0; s < scopes.Length; s++)
            {
                gateway.WithEnvironment($"{prefix}Scopes__{s}", scopes[s]);
            }
        }
        return gateway;
    }

    public static IResourceBuilder<ProjectResource> WithPublishedJobStore(this IResourceBuilder<ProjectResource> features)
    {
        var builder = features.ApplicationBuilder;
        return builder.ExecutionContext.IsPublishMode
            ? features.WithReference(builder.AddConnectionString(JobStoreConnection)).WithEnvironment("Features__JobStore", "SqlServer")
            : features;
    }
}

using Ercot.Gateway;
using Ercot.Gateway.Auth;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Ercot.Tests.Gateway;

public sealed class ApiKeysHealthCheckTests
{
    [Theory]
    [InlineData("Development", HealthStatus.Degraded)]
    [InlineData("Production", HealthStatus.Unhealthy)]
    [InlineData("Staging", HealthStatus.Unhealthy)]
    public async Task AGatewayWithoutKeys_IsOnlyDegradedOnADevelopersMachine(string environment, HealthStatus expected)
    {
        var check = new ApiKeysHealthCheck(ApiKeyStore.Create(new GatewayOptions(), isDevelopment: environment == "Development"), new Environment(environment));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(expected, result.Status);
        Assert.Contains("Gateway:ApiKeys", result.Description, StringComparison.Ordinal);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Ercot.Gateway";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

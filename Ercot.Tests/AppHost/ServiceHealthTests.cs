using System.Net;
using System.Text.Json;
using Ercot.ServiceDefaults;

namespace Ercot.Tests.AppHost;

/// <summary>Every service answers its probes and says honestly what it cannot do yet.</summary>
[Collection(WholeAppCollection.Name)]
public sealed class ServiceHealthTests(WholeAppFixture app)
{
    [Theory(Timeout = 60_000)]
    [InlineData(ResourceNames.Features)]
    [InlineData(ResourceNames.Training)]
    [InlineData(ResourceNames.Inference)]
    [InlineData(ResourceNames.Gateway)]
    public async Task EveryService_IsAlive_AndReportsEachCheck(string service)
    {
        using var client = app.CreateClient(service);

        var alive = await client.GetAsync(HealthEndpoints.Alive);
        var (status, checks) = await ReadHealthAsync(client);

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Contains(status, new[] { "Healthy", "Degraded" });
        Assert.Contains("self", checks.Keys);
    }

    [Fact(Timeout = 60_000)]
    public async Task Inference_WithChampionsLoaded_IsHealthy_SayingWhichItServes()
    {
        using var client = app.CreateClient(ResourceNames.Inference);

        var (status, checks) = await ReadHealthAsync(client);

        Assert.Equal("Healthy", status);
        Assert.StartsWith("serving ", checks["models"].Description, StringComparison.Ordinal);
        Assert.Contains("lightgbm", checks["models"].Description, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Training_WithBuiltFeatures_IsReady()
    {
        using var client = app.CreateClient(ResourceNames.Training);

        var (status, checks) = await ReadHealthAsync(client);

        Assert.Equal("Healthy", status);
        Assert.Equal("Healthy", checks["features-available"].Status);
    }

    [Fact(Timeout = 60_000)]
    public async Task Features_WithABuiltSchema_ButFeedsThatEndedIn2024_IsDegraded_NamingThem()
    {
        using var client = app.CreateClient(ResourceNames.Features);

        var (status, checks) = await ReadHealthAsync(client);

        Assert.Equal("Degraded", status);
        Assert.Equal("Healthy", checks["feature-store"].Status);
        Assert.Equal("Degraded", checks["feeds"].Status);
        Assert.StartsWith("stale feeds: ", checks["feeds"].Description, StringComparison.Ordinal);
        Assert.Contains("hist_RealTimeLMP (newest interval 2024-07-06", checks["feeds"].Description, StringComparison.Ordinal);
    }

    private static async Task<(string Status, Dictionary<string, (string Status, string Description)> Checks)> ReadHealthAsync(HttpClient client)
    {
        var response = await client.GetAsync(HealthEndpoints.Ready);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(
            check => check.GetProperty("name").GetString()!,
            check => (check.GetProperty("status").GetString()!, check.GetProperty("description").GetString() ?? ""));
        return (json.RootElement.GetProperty("status").GetString()!, checks);
    }
}

using System.Net;
using System.Net.Http.Json;
using Ercot.Gateway.Auth;
using Ercot.ServiceDefaults;
using Microsoft.AspNetCore.Mvc;

namespace Ercot.Tests.AppHost;

[Collection(WholeAppCollection.Name)]
public sealed class GatewayTests(WholeAppFixture app)
{
    private const int Timeout = 60_000;

    [Fact(Timeout = Timeout)]
    public async Task Health_OfTheGateway_IsAnonymous()
    {
        using var gateway = app.CreateClient(ResourceNames.Gateway);

        var health = await gateway.GetAsync(HealthEndpoints.Ready);
        var alive = await gateway.GetAsync(HealthEndpoints.Alive);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"api-keys\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact(Timeout = Timeout)]
    public async Task Request_WithoutAKey_Returns401ProblemDetails()
    {
        using var gateway = app.CreateClient(ResourceNames.Gateway);

        var response = await gateway.GetAsync("/model/info");

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(ApiKeyDefaults.HeaderName, problem.Detail, StringComparison.Ordinal);
        Assert.Contains(ApiKeyDefaults.AuthenticationScheme, response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task Request_WithAnUnknownKey_Returns401ProblemDetails()
    {
        using var gateway = Client(ResourceNames.Gateway, "ercot_not-a-key-the-gateway-knows");

        var response = await gateway.GetAsync("/model/info");

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("does not know", problem.Detail, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task ScoreKey_OnAnAdminRoute_Returns403NamingTheMissingScope()
    {
        using var gateway = Client(ResourceNames.Gateway, app.ScoreKey);

        var response = await gateway.GetAsync("/features/schema");

        var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("trading-desk", problem.Detail, StringComparison.Ordinal);
        Assert.Contains($"requires [{ApiKeyScopes.Admin}]", problem.Detail, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task AdminKey_OnTheFeaturesRoute_GetsTheFeatureServicesAnswer()
    {
        using var gateway = Client(ResourceNames.Gateway, app.AdminKey);

        var response = await gateway.GetAsync("/features/schema");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(app.ArtifactRoot, "features", "schema.json")), await response.Content.ReadAsStringAsync());
    }

    [Fact(Timeout = Timeout)]
    public async Task AdminKey_OnAScoreRoute_Returns403()
    {
        using var gateway = Client(ResourceNames.Gateway, app.AdminKey);

        var response = await gateway.GetAsync("/model/info");

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact(Timeout = Timeout)]
    public async Task ScoreKey_OnModelInfo_ReachesInference()
    {
        using var gateway = Client(ResourceNames.Gateway, app.ScoreKey);

        var response = await gateway.GetAsync("/model/info");

        // Whether a training test has published a champion yet or not, the answer is the inference API's.
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            Assert.Equal("No model published", (await AssertProblemAsync(response, HttpStatusCode.NotFound)).Title);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("\"models\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact(Timeout = Timeout)]
    public async Task KeyOverItsRateLimit_Gets429WithRetryAfter()
    {
        using var gateway = Client(ResourceNames.Gateway, app.LimitedKey);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i <= WholeAppFixture.LimitedRequestsPerMinute; i++)
        {
            var response = await gateway.GetAsync("/model/info");
            statuses.Add(response.StatusCode);
            rejected = response;
        }

        Assert.All(statuses.Take(WholeAppFixture.LimitedRequestsPerMinute), status => Assert.Contains(status, new[] { HttpStatusCode.OK, HttpStatusCode.NotFound }));
        await AssertProblemAsync(rejected!, HttpStatusCode.TooManyRequests);
        var retryAfter = rejected!.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
    }

    [Fact(Timeout = Timeout)]
    public async Task RateLimits_ArePerKey_SoOneNoisyClientDoesNotStarveAnother()
    {
        using var burst = Client(ResourceNames.Gateway, app.LimitedKey);
        using var desk = Client(ResourceNames.Gateway, app.ScoreKey);
        for (var i = 0; i <= WholeAppFixture.LimitedRequestsPerMinute; i++)
        {
            await burst.GetAsync("/model/info");
        }

        var response = await desk.GetAsync("/model/info");

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.NotFound });
    }

    [Fact(Timeout = Timeout)]
    public async Task GatewayLogs_NameTheRejection_ButNeverTheKey()
    {
        const string canary = "ercot_canary-key-that-must-never-be-logged";
        using var gateway = Client(ResourceNames.Gateway, canary);
        using var admin = Client(ResourceNames.Gateway, app.AdminKey);
        await gateway.GetAsync("/features/schema");
        await admin.GetAsync("/features/schema");

        var lines = await ReadGatewayLogsUntilAsync("with an unknown key", TimeSpan.FromSeconds(30));

        Assert.DoesNotContain(lines, line => line.Contains(canary, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(app.AdminKey, StringComparison.Ordinal));
    }

    [Fact(Timeout = Timeout)]
    public async Task AFloodOfBadKeys_FromOneAddress_Gets429AfterItsLimit_AndLogsABoundedNumberOfLines()
    {
        // The gateway believes the last X-Forwarded-For entry here, as behind an ingress: this client has an address of its own.
        const string address = "203.0.113.7";
        using var flood = Client(ResourceNames.Gateway, "ercot_not-a-key-the-gateway-knows");
        flood.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        using var valid = Client(ResourceNames.Gateway, app.ScoreKey);
        valid.DefaultRequestHeaders.Add("X-Forwarded-For", address);

        var responses = new List<HttpResponseMessage>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 1_000), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, cancellationToken) =>
        {
            var response = await flood.GetAsync("/model/info", cancellationToken);
            lock (responses)
            {
                responses.Add(response);
            }
        });
        var stillServed = await valid.GetAsync("/model/info");
        await Task.Delay(TimeSpan.FromSeconds(2)); // the console is read through the AppHost, a moment behind

        Assert.Equal(WholeAppFixture.FailedAuthenticationsPerMinute, responses.Count(response => response.StatusCode == HttpStatusCode.Unauthorized));
        var limited = responses.Where(response => response.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(1_000 - WholeAppFixture.FailedAuthenticationsPerMinute, limited.Count);
        Assert.All(limited, response => Assert.InRange(response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60));
        await AssertProblemAsync(limited[0], HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, stillServed.StatusCode);
        var logged = app.ConsoleOf(ResourceNames.Gateway).Count(line => line.Contains($"from {address}", StringComparison.Ordinal));
        Assert.InRange(logged, 1, WholeAppFixture.FailedAuthenticationsPerMinute);
    }

    private HttpClient Client(string resource, string key)
    {
        var client = app.CreateClient(resource);
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key);
        return client;
    }

    private static async Task<ProblemDetails> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.NotNull(problem);
        Assert.Equal((int)expected, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        return problem;
    }

    private async Task<IReadOnlyList<string>> ReadGatewayLogsUntilAsync(string marker, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<string> lines;
        while (!(lines = app.ConsoleOf(ResourceNames.Gateway)).Any(line => line.Contains(marker, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The gateway did not log '{marker}' within {timeout.TotalSeconds} s; it logged {lines.Count} line(s).");
            await Task.Delay(200);
        }
        return lines;
    }
}

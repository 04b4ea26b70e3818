using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ercot.Tests.AppHost;

/// <summary>The API documents through the gateway: reachable with a score key, and right about where and how to call.</summary>
[Collection(WholeAppCollection.Name)]
public sealed class OpenApiTests(WholeAppFixture app)
{
    [Fact(Timeout = 60_000)]
    public async Task TheOpenApiDocument_AndScalar_AreReachableThroughTheGateway()
    {
        using var gateway = app.Gateway(app.ScoreKey);

        var document = await gateway.GetStringAsync("/openapi/v1.json");
        var scalar = await gateway.GetAsync("/scalar/");

        Assert.Contains("\"/score\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/forecast\"", document, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task TheOpenApiDocument_NamesTheGatewayAndTheKey_AndItsScoreExampleScoresThere()
    {
        using var gateway = app.Gateway(app.ScoreKey);
        var document = await gateway.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var server = document.GetProperty("servers")[0].GetProperty("url").GetString()!;
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        var example = document.GetProperty("paths").GetProperty("/score").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        var forecastParameters = document.GetProperty("paths").GetProperty("/forecast").GetProperty("get").GetProperty("parameters").EnumerateArray().ToList();
        using var caller = new HttpClient { BaseAddress = new Uri(server + "/") };
        caller.DefaultRequestHeaders.Add(Ercot.Gateway.Auth.ApiKeyDefaults.HeaderName, app.ScoreKey);
        var scored = await caller.PostAsync("score", new StringContent(example.GetRawText(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(gateway.BaseAddress!.GetLeftPart(UriPartial.Authority), server);
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.True(document.GetProperty("security").GetArrayLength() > 0);
        Assert.True(scored.IsSuccessStatusCode, $"{(int)scored.StatusCode}: {await scored.Content.ReadAsStringAsync()}");
        Assert.All(forecastParameters, parameter =>
        {
            Assert.True(parameter.GetProperty("required").GetBoolean());
            Assert.False(string.IsNullOrWhiteSpace(parameter.GetProperty("description").GetString()));
        });
    }
}

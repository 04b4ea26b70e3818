using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ercot.Gateway.Auth;
using Ercot.ServiceDefaults;

namespace Ercot.Tests.AppHost;

/// <summary>Feature builds and the job dashboard, through the gateway, on the running application.</summary>
[Collection(WholeAppCollection.Name)]
public sealed class FeatureBuildTests(WholeAppFixture app)
{
    [Fact(Timeout = 120_000)]
    public async Task AdminKey_StartsAFeatureBuild_AndFollowsItToCompletion()
    {
        using var gateway = app.Gateway(app.AdminKey);

        var started = await gateway.PostAsJsonAsync("/features/builds", new { from = "2024-07-01", to = "2024-07-05" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        Assert.StartsWith("/features/builds/", location, StringComparison.Ordinal);

        var status = await WholeAppFixture.FollowAsync(gateway, location, TimeSpan.FromSeconds(90));

        Assert.Equal("Succeeded", status.GetProperty("state").GetString());
        var report = status.GetProperty("report");
        Assert.Equal(2 * 5 * 24, report.GetProperty("rowsWritten").GetInt64());
        Assert.Equal("2024-07", report.GetProperty("monthsWritten")[0].GetString());
        Assert.True(File.Exists(Path.Combine(app.ArtifactRoot, "features", "hourly_features.parquet", "delivery_month=2024-07", "data_0.parquet")));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("""{"from":"2024-07-05","to":"2024-07-01"}""", "is before 'from'")]
    [InlineData("""{"from":"2024-07-05"}""", "Give both 'from' and 'to'")]
    [InlineData("""{"from":"2009-01-01","to":"2009-01-02"}""", "is before 2010-01-01")]
    [InlineData("""{"from":"2026-13-01","to":"2026-12-02"}""", "$.from")]
    [InlineData("""{"from":[],"to":"2026-12-02"}""", "$.from")]
    [InlineData("""[]""", "could not be read")]
    [InlineData("""{"from":""", "could not be read")]
    [InlineData("", "could not be read")]
    public async Task BadRange_Returns400_NamingTheProblem(string body, string problem)
    {
        using var gateway = app.Gateway(app.AdminKey);

        var response = await gateway.PostAsync("/features/builds", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task UnknownBuild_Returns404()
    {
        using var gateway = app.Gateway(app.AdminKey);

        var response = await gateway.GetAsync("/features/builds/0123456789abcdef0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task HangfireDashboard_OpensOnlyForAnAdminKey_ThroughTheGateway()
    {
        using var anonymous = app.CreateClient(ResourceNames.Gateway);
        using var trader = app.Gateway(app.ScoreKey);
        using var admin = app.Gateway(app.AdminKey);
        using var direct = app.CreateClient(ResourceNames.Features);

        var dashboard = await admin.GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trader.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var page = await dashboard.Content.ReadAsStringAsync();
        Assert.Contains("Ercot jobs", page, StringComparison.Ordinal);
        Assert.Contains("build-features", page, StringComparison.Ordinal);
        Assert.Contains("retrain", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await direct.GetAsync("/hangfire")).StatusCode);
    }
}

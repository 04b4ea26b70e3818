using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ercot.Gateway.Auth;
using Aspire.Hosting;
using Ercot.ServiceDefaults;

namespace Ercot.Tests.AppHost;

/// <summary>Features, then a training run, through the gateway with an admin key, on the running application.</summary>
[Collection(WholeAppCollection.Name)]
public sealed class TrainingRunTests(WholeAppFixture app)
{
    [Fact(Timeout = 240_000)]
    public async Task AdminKey_TrainsEveryModel_AndTheRunReportsTheirMetrics()
    {
        using var gateway = app.Gateway(app.AdminKey);
        var build = await gateway.PostAsJsonAsync("/features/builds", new { from = "2024-06-01", to = "2024-07-05" });
        Assert.Equal("Succeeded", (await WholeAppFixture.FollowAsync(gateway, build.Headers.Location!.ToString(), TimeSpan.FromSeconds(120))).GetProperty("state").GetString());

        var started = await gateway.PostAsJsonAsync("/training/runs", new { from = "2024-06-01", to = "2024-07-05", validationFrom = "2024-06-20", testFrom = "2024-06-28" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var run = await WholeAppFixture.FollowAsync(gateway, started.Headers.Location!.ToString(), TimeSpan.FromSeconds(180));

        Assert.Equal("Succeeded", run.GetProperty("state").GetString());
        var models = run.GetProperty("result").GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(["lightgbm", "xgboost", "deep"], models.Select(model => model.GetProperty("model").GetString()));
        Assert.All(models, model => Assert.True(model.GetProperty("test").GetProperty("mae").GetDouble() > 0));
        var recent = await gateway.GetFromJsonAsync<JsonElement>("/training/runs");
        Assert.Contains(recent.EnumerateArray(), item => item.GetProperty("id").GetString() == run.GetProperty("id").GetString());
        // The work shows in the logs (and the dashboard) with its figures, not only the 202 of its request.
        var buildId = build.Headers.Location!.ToString().Split('/')[^1];
        await UntilLoggedAsync(ResourceNames.Features, $"Feature build {buildId} succeeded");
        var finished = await UntilLoggedAsync(ResourceNames.Training, $"Training run {run.GetProperty("id").GetString()} succeeded");
        Assert.Contains("lightgbm", finished, StringComparison.Ordinal);
        Assert.Contains("ensemble test MAE", finished, StringComparison.Ordinal);
    }

    private async Task<string> UntilLoggedAsync(string resource, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (app.ConsoleOf(resource).FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{resource} did not log '{text}'.");
            await Task.Delay(200);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task RetrainNow_InTheAspireDashboard_QueuesARunOfTheLastTwoYears()
    {
        using var gateway = app.Gateway(app.AdminKey);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var result = await app.App.ResourceCommands.ExecuteCommandAsync(ResourceNames.Training, "retrain-now");

        Assert.True(result.Success, result.Message);
        var runs = await gateway.GetFromJsonAsync<JsonElement>("/training/runs");
        Assert.Contains(runs.EnumerateArray(), run => run.GetProperty("request").GetProperty("to").GetString() == yesterday);
    }

    [Fact(Timeout = 60_000)]
    public async Task TheRetrainJobsClient_QueuesARun_AndReturnsWhereToFollowIt()
    {
        using var http = app.CreateClient(ResourceNames.Training);
        var client = new Ercot.Features.Jobs.TrainingClient(http);

        var location = await client.StartRunAsync(new Ercot.Core.Models.DateRange(new(2024, 1, 1), new(2024, 7, 5)), CancellationToken.None);

        Assert.NotNull(location);
        var status = await http.GetFromJsonAsync<JsonElement>(location.ToString());
        Assert.Equal("2024-07-05", status.GetProperty("request").GetProperty("to").GetString());
    }

    [Theory(Timeout = 60_000)]
    [InlineData("""{"from":"2024-06-01","to":"2024-07-05","models":["randomforest"]}""", "Unknown model(s): randomforest")]
    [InlineData("""{"from":"2024-07-05","to":"2024-06-01"}""", "is empty")]
    public async Task BadRuns_Return400_NamingTheProblem(string body, string problem)
    {
        using var gateway = app.Gateway(app.AdminKey);

        var response = await gateway.PostAsync("/training/runs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }


}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ercot.Core.Storage;
using Ercot.Tests.Core.Simulation;
using Ercot.Tests.Features;
using Ercot.Tests.Infrastructure;
using Ercot.Training.Runs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ercot.Tests.Training;

/// <summary>
/// <c>/training/backtests</c> on the real Training service, hosted in the test over a feature store built from
/// a simulated half-year of one hub: a backtest queued over HTTP runs on the worker and reports its skill and
/// files; bad requests are refused naming the cause; one the data cannot support fails saying why.
/// </summary>
public sealed class BacktestApiTests(BacktestApiTests.TrainingService service) : IClassFixture<BacktestApiTests.TrainingService>
{
    [Fact(Timeout = 180_000)]
    public async Task AQueuedBacktest_RunsOnTheWorker_AndReportsItsSkillAndFiles()
    {
        using var http = service.CreateClient();

        var started = await http.PostAsJsonAsync("/training/backtests",
            new { trainFrom = "2024-01-01", from = "2024-05-06", to = "2024-05-19", models = new[] { "lightgbm" }, refit = "Week" });

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var done = await FollowAsync(http, started.Headers.Location!.ToString());
        Assert.Equal("Succeeded", done.GetProperty("state").GetString());
        Assert.Equal(2, done.GetProperty("progress").GetProperty("folds").GetInt32());
        var pooled = done.GetProperty("result").GetProperty("pooled");
        Assert.Equal(14 * 24, pooled.GetProperty("ensemble").GetProperty("count").GetInt32());
        foreach (var forecast in new[] { "lightgbm", "ensemble", "constant", "zero" })
        {
            Assert.True(pooled.GetProperty(forecast).GetProperty("mae").GetDouble() > 0, forecast);
        }
        Assert.Contains(done.GetProperty("result").GetProperty("tests").EnumerateArray(),
            test => test.GetProperty("forecast").GetString() == "ensemble" && test.GetProperty("benchmark").GetString() == "constant");
        foreach (var file in done.GetProperty("result").GetProperty("files").EnumerateObject())
        {
            Assert.True(File.Exists(Path.Combine(service.Artifacts, file.Value.GetString()!)), file.Value.GetString());
        }
        var listed = await http.GetAsync("/training/backtests");
        Assert.True(listed.IsSuccessStatusCode, await listed.Content.ReadAsStringAsync());
        var recent = await listed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(recent.EnumerateArray(), item => item.GetProperty("id").GetString() == done.GetProperty("id").GetString());
    }

    [Theory(Timeout = 60_000)]
    [InlineData("""{"trainFrom":"2024-01-01","from":"2024-05-06","to":"2024-05-19","models":["randomforest"]}""", "Unknown model 'randomforest'")]
    [InlineData("""{"trainFrom":"2024-04-01","from":"2024-05-06","to":"2024-05-19"}""", "needs at least 98 days")]
    [InlineData("""{"trainFrom":"2024-01-01","from":"2024-05-06","to":"2024-05-08"}""", "fewer than 7 days")]
    [InlineData("""{"from":"2024-05-06","to":"2024-05-19"}""", "Give 'trainFrom'")]
    public async Task BadBacktests_Return400_NamingTheProblem(string body, string problem)
    {
        using var http = service.CreateClient();

        var response = await http.PostAsync("/training/backtests", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("/training/backtests", """{"trainFrom":"2024-01-01","from":"2024-05-06","to":"2024-05-19","cost":-1}""", "'cost'")]
    [InlineData("/training/backtests", """{"trainFrom":"2024-01-01","from":"2024-05-06","to":"2024-05-19","theta":5000}""", "'theta'")]
    [InlineData("/training/backtests", """{"trainFrom":"0001-01-01","from":"2024-05-06","to":"9999-12-31"}""", "'trainFrom' (0001-01-01) is before 2010-01-01")]
    [InlineData("/training/runs", """{"from":"0001-01-01","to":"9999-12-31"}""", "'from' (0001-01-01) is before 2010-01-01")]
    [InlineData("/training/runs", """{"from":"2024-01-01","to":"9999-12-31"}""", "'to' (9999-12-31) is more than a day past tomorrow")]
    [InlineData("/training/runs", """{"from":"2026-13-01","to":"2024-05-19"}""", "$.from")]
    [InlineData("/training/runs", """{"from":123,"to":"2024-05-19"}""", "$.from")]
    [InlineData("/training/runs", """{"from":"2024-01-01","to":"2024-05-19","models":"lightgbm"}""", "$.models")]
    [InlineData("/training/backtests", """{"trainFrom":"2024-01-01","from":"2024-05-06","to":"2024-05-19","refit":"Yearly"}""", "$.refit")]
    [InlineData("/training/backtests", """{"trainFrom":"2024-01-01", """, "could not be read")]
    [InlineData("/training/runs", "[]", "could not be read")]
    [InlineData("/training/runs", "", "could not be read")]
    [InlineData("/training/runs", "{\"from\":\"\ud800\"}", "$.from")]
    public async Task UnreadableOrOutOfRangeRequests_Return400_NamingTheField_NeverA500(string path, string body, string named)
    {
        using var http = service.CreateClient();

        var response = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, text, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task InvalidUtf8_AndAWrongContentType_AreRefused_NeverA500()
    {
        using var http = service.CreateClient();
        var invalid = new ByteArrayContent([.. "{\"from\":\""u8.ToArray(), 0xC3, 0x28, .. "\"}"u8.ToArray()]);
        invalid.Headers.ContentType = new("application/json");

        var garbled = await http.PostAsync("/training/runs", invalid);
        var plain = await http.PostAsync("/training/runs", new StringContent("from=2024-01-01", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
    }

    [Fact(Timeout = 120_000)]
    public async Task ABacktestBeyondTheFeatures_Fails_SayingWhichFoldHasNoTarget_AndCanBeQueuedAgain()
    {
        using var http = service.CreateClient();

        var started = await http.PostAsJsonAsync("/training/backtests",
            new { trainFrom = "2024-01-01", from = "2024-06-03", to = "2024-06-16", models = new[] { "lightgbm" }, refit = "Week" });
        var failed = await FollowAsync(http, started.Headers.Location!.ToString());

        Assert.Equal("Failed", failed.GetProperty("state").GetString());
        Assert.Contains("2024-06-03..2024-06-09) has no hour with a target", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        var again = await http.PostAsync($"{started.Headers.Location}/resume", null);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/training/backtests/20240101T000000-00000000")).StatusCode);
    }

    private static async Task<JsonElement> FollowAsync(HttpClient http, string location)
    {
        while (true)
        {
            var status = await http.GetFromJsonAsync<JsonElement>(location);
            if (status.GetProperty("state").GetString() is not (nameof(TrainingRunState.Queued) or nameof(TrainingRunState.Running)))
            {
                return status;
            }
            await Task.Delay(200);
        }
    }

    /// <summary>The Training service over an artifact folder with features for 2024-01-01..2024-05-31 (one hub).</summary>
    public sealed class TrainingService : WebApplicationFactory<TrainingRunStore>, IAsyncLifetime
    {
        private readonly TemporaryFolder _folder = new();

        public string Artifacts => _folder.Path;

        public async Task InitializeAsync()
        {
            using var simulation = await SimulatedStore.CreateAsync(new(2023, 12, 20), new(2024, 5, 31), "1", seed: 17);
            await FeatureFiles.BuildAsync(simulation.Store, _folder.Path, new(2024, 1, 1), new(2024, 5, 31));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder) =>
            builder.UseSetting($"{ArtifactStoreOptions.SectionName}:{nameof(ArtifactStoreOptions.Root)}", _folder.Path);

        Task IAsyncLifetime.DisposeAsync()
        {
            Dispose();
            _folder.Dispose();
            return Task.CompletedTask;
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ercot.Core.Storage;
using Ercot.Core.Time;
using Ercot.Inference.Scoring;
using Ercot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;

namespace Ercot.Tests.Cli;

/// <summary>
/// The first start of <c>./run.sh</c> (its <c>ercot bootstrap</c>) on an empty folder: it leaves a champion, the
/// inference API serves it, and tomorrow's forecast answers; a second start does nothing. In the whole-app tests'
/// collection, so that its minute of training never runs beside their load-bearing scoring tests.
/// </summary>
[Collection(Ercot.Tests.AppHost.WholeAppCollection.Name)]
public sealed class BootstrapCommandTests(ITestOutputHelper output)
{
    [Fact(Timeout = 600_000)]
    public async Task FromAnEmptyFolder_TheFirstStartLeavesAChampion_AndTomorrowsForecastAnswers()
    {
        using var folder = new TemporaryFolder();
        var store = Path.Combine(folder.Path, "ercot.duckdb");
        var artifacts = Path.Combine(folder.Path, "artifacts");
        var clock = Stopwatch.StartNew();

        var first = await CliRunner.RunAsync(folder.Path, TimeSpan.FromMinutes(8), "bootstrap", "--store", store, "--artifacts", artifacts);
        var took = clock.Elapsed;
        var second = await CliRunner.RunAsync(folder.Path, "bootstrap", "--store", store, "--artifacts", artifacts);

        output.WriteLine($"first start (simulation, features, three models): {took.TotalSeconds:F0} s");
        output.WriteLine(first.Output);
        Assert.True(first.ExitCode == 0, first.Errors);
        Assert.Contains("First models ready in", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Errors);
        Assert.Contains("has a champion; nothing to train", second.Output, StringComparison.Ordinal);

        using var inference = new WebApplicationFactory<ChampionHolder>().WithWebHostBuilder(builder =>
            builder.UseSetting($"{ArtifactStoreOptions.SectionName}:{nameof(ArtifactStoreOptions.Root)}", artifacts));
        using var http = inference.CreateClient();
        var tomorrow = ErcotTime.ToErcotHour(DateTime.UtcNow).DeliveryDate.AddDays(1);
        HttpResponseMessage forecast;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(250);
            forecast = await http.GetAsync($"/forecast?settlementPoint=HB_NORTH&date={tomorrow:yyyy-MM-dd}");
        }
        while (forecast.StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline); // until the champions are loaded

        Assert.True(forecast.IsSuccessStatusCode, $"{(int)forecast.StatusCode}: {await forecast.Content.ReadAsStringAsync()}");
        var hours = (await forecast.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hours").EnumerateArray().ToList();
        Assert.InRange(hours.Count, 23, 25);
        Assert.All(hours, hour =>
        {
            Assert.True(double.IsFinite(hour.GetProperty("dart").GetDouble()));
            Assert.True(hour.GetProperty("p10").GetDouble() <= hour.GetProperty("p90").GetDouble());
        });
    }
}

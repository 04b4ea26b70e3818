using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Ercot.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Ercot.Tests.AppHost;

/// <summary>
/// The gateway when a backend is gone or a body is too big: callers get a quick, clear answer, never a hang.
/// </summary>
[Collection(WholeAppCollection.Name)]
public sealed class BackendOutageTests(WholeAppFixture app, ITestOutputHelper output)
{
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(2);

    [Fact(Timeout = 240_000)]
    public async Task WithInferenceStopped_ScoreAnswersWithin2s_503OnceProbed_AndSucceedsAgainSecondsAfterItIsHealthy()
    {
        using var gateway = app.Gateway(app.BusyKey);
        using var probe = app.CreateClient(ResourceNames.Gateway);
        var (point, hour, features) = await ScoreTests.FeatureRowAsync(app);
        var body = new { rows = new[] { new { settlementPoint = point, deliveryHour = hour, features } } };
        var commands = app.App.Services.GetRequiredService<ResourceCommandService>();
        Assert.Equal(HttpStatusCode.OK, (await gateway.PostAsJsonAsync("/score", body)).StatusCode);

        var stop = await commands.ExecuteCommandAsync(ResourceNames.Inference, KnownResourceCommands.StopCommand);
        Assert.True(stop.Success, stop.Message);
        var stopped = Stopwatch.StartNew();
        var outage = new List<(TimeSpan Sent, HttpStatusCode Status, TimeSpan Took, string? RetryAfter, string? Type)>();
        JsonElement health;
        try
        {
            // A request every quarter second for eight seconds, none waiting for another.
            var calls = new List<Task>();
            while (stopped.Elapsed < TimeSpan.FromSeconds(8))
            {
                calls.Add(CallAsync());
                await Task.Delay(250);
            }
            await Task.WhenAll(calls);
            health = await probe.GetFromJsonAsync<JsonElement>(HealthEndpoints.Ready);
        }
        finally
        {
            var start = await commands.ExecuteCommandAsync(ResourceNames.Inference, KnownResourceCommands.StartCommand);
            Assert.True(start.Success, start.Message);
        }
        var restarted = Stopwatch.StartNew();
        // When the AppHost sees the service healthy again (its process up, its models loaded): how long that takes
        // is the service's start, slower on a busy machine; what follows is the gateway's part.
        var healthy = app.App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Inference)
            .ContinueWith(_ => restarted.Elapsed, TaskScheduler.Default);

        async Task CallAsync()
        {
            var sent = stopped.Elapsed;
            using var response = await gateway.PostAsJsonAsync("/score", body);
            lock (outage)
            {
                outage.Add((sent, response.StatusCode, stopped.Elapsed - sent, response.Headers.RetryAfter?.ToString(), response.Content.Headers.ContentType?.MediaType));
            }
        }
        HttpStatusCode status;
        do
        {
            await Task.Delay(200);
            var clock = Stopwatch.StartNew();
            using var response = await gateway.PostAsJsonAsync("/score", body);
            status = response.StatusCode;
            Assert.True(clock.Elapsed <= FailFast + TimeSpan.FromSeconds(1), $"A request while inference restarts took {clock.Elapsed.TotalSeconds:F1} s ({status}).");
        }
        while (status != HttpStatusCode.OK && restarted.Elapsed < TimeSpan.FromSeconds(60));
        var servedAgain = restarted.Elapsed;
        var healthyAgain = await healthy.WaitAsync(TimeSpan.FromSeconds(60));

        output.WriteLine(string.Join("\n", outage.OrderBy(call => call.Sent).Select(call => $"sent at {call.Sent.TotalSeconds:F1} s: {(int)call.Status} in {call.Took.TotalMilliseconds:F0} ms, Retry-After {call.RetryAfter}")));
        output.WriteLine($"/score answered 200 again {servedAgain.TotalSeconds:F1} s after the start command returned; the service was healthy after {healthyAgain.TotalSeconds:F1} s");
        // A request already on its way when the service died waits at most the scoring timeout, 2 s (the local
        // process proxy accepts its connection) and gets a 504; once the probes have seen the service down (two
        // failed, a second apart), every request is answered 503 at once.
        Assert.All(outage, call =>
        {
            Assert.True(call.Status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout, $"{call.Status}");
            Assert.Equal("application/problem+json", call.Type);
            Assert.True(call.Took <= FailFast + TimeSpan.FromSeconds(1), $"A request to the stopped service took {call.Took.TotalSeconds:F1} s.");
        });
        var detected = outage.Where(call => call.Sent >= TimeSpan.FromSeconds(4)).ToList();
        Assert.NotEmpty(detected);
        Assert.All(detected, call =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, call.Status);
            Assert.True(call.Took <= FailFast, $"A request sent {call.Sent.TotalSeconds:F1} s into the outage took {call.Took.TotalSeconds:F1} s.");
            Assert.NotNull(call.RetryAfter);
        });
        var backends = health.GetProperty("checks").EnumerateArray().Single(check => check.GetProperty("name").GetString() == "backends");
        Assert.Contains("inference", backends.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Degraded", backends.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, status);
        // Back within seconds of being healthy: the probes put it back, nothing waits for a restart of the gateway.
        Assert.True(servedAgain - healthyAgain <= TimeSpan.FromSeconds(5),
            $"/score succeeded again {servedAgain.TotalSeconds:F1} s after the start, {(servedAgain - healthyAgain).TotalSeconds:F1} s after the service was healthy.");
    }

    [Fact(Timeout = 240_000)]
    public async Task ATrainingRunWhoseProcessIsKilled_IsSettledAsInterrupted_WhenTheServiceComesBack()
    {
        using var admin = app.Gateway(app.AdminKey);
        var commands = app.App.Services.GetRequiredService<ResourceCommandService>();
        var started = await admin.PostAsJsonAsync("/training/runs", new { from = "2024-06-01", to = "2024-06-30", validationFrom = "2024-06-17", testFrom = "2024-06-24" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        JsonElement status;
        do
        {
            await Task.Delay(50);
            status = await admin.GetFromJsonAsync<JsonElement>(location);
        }
        while (status.GetProperty("state").GetString() == "Queued");
        Assert.Equal("Running", status.GetProperty("state").GetString());

        // kill -9 of the service itself (the child of the `dotnet run` DCP launched), as a crash would.
        var launcher = await ProcessIdAsync(ResourceNames.Training);
        var service = Process.GetProcessById(launcher).ProcessName == "Ercot.Training"
            ? launcher
            : Children(launcher).Single(child => Process.GetProcessById(child).ProcessName == "Ercot.Training");
        Process.GetProcessById(service).Kill();
        using (var exited = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            // The AppHost notices the crash first; a start issued before that would race it.
            await app.App.ResourceNotifications.WaitForResourceAsync(ResourceNames.Training,
                update => update.Snapshot.State?.Text is not ("Running" or "Starting"), exited.Token);
        }
        await StartAgainAsync(commands, ResourceNames.Training);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(250);
            using var response = await admin.GetAsync(location);
            status = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : status;
        }
        while (status.GetProperty("state").GetString() == "Running" && DateTime.UtcNow < deadline);

        Assert.Equal("Failed", status.GetProperty("state").GetString());
        Assert.StartsWith("Interrupted by a restart", status.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(JsonValueKind.Null, status.GetProperty("finishedAt").ValueKind);
    }

    /// <summary>Starts a stopped or crashed service and waits until it is healthy; a start that fails is tried twice more.</summary>
    private async Task StartAgainAsync(ResourceCommandService commands, string resource)
    {
        for (var attempt = 1; ; attempt++)
        {
            var start = await commands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand);
            Assert.True(start.Success, start.Message);
            try
            {
                using var healthy = new CancellationTokenSource(TimeSpan.FromSeconds(120));
                await app.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, healthy.Token);
                return;
            }
            catch (DistributedApplicationException e) when (attempt < 3)
            {
                output.WriteLine($"start {attempt} of {resource} failed ({e.Message}); trying again");
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }
    }

    private async Task<int> ProcessIdAsync(string resource)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await foreach (var update in app.App.ResourceNotifications.WatchAsync(timeout.Token))
        {
            if (update.Resource.Name == resource
                && update.Snapshot.Properties.FirstOrDefault(property => property.Name == "executable.pid")?.Value is { } pid
                && int.TryParse(pid.ToString(), out var id))
            {
                return id;
            }
        }
        throw new InvalidOperationException($"No process id for {resource}.");
    }

    /// <summary>The processes whose parent is <paramref name="parent"/>, from /proc.</summary>
    private static List<int> Children(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, System.Globalization.CultureInfo.InvariantCulture))
            .Where(pid =>
            {
                try
                {
                    var stat = File.ReadAllText($"/proc/{pid}/stat");
                    // "pid (name) state ppid …": the name may hold spaces, so read after its closing parenthesis.
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == parent;
                }
                catch (IOException)
                {
                    return false;
                }
            })
            .ToList();

    [Fact(Timeout = 60_000)]
    public async Task A50MegabyteBody_Gets413NamingTheLimit_NotAReset()
    {
        using var gateway = app.Gateway(app.ScoreKey);
        var huge = new ByteArrayContent(new byte[50 * 1024 * 1024]);
        huge.Headers.ContentType = new("application/json");

        using var response = await gateway.PostAsync("/score", huge);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("at most 30,000,000 bytes", text, StringComparison.Ordinal);
    }
}

using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Ercot.Core.Sources;
using Ercot.Core.Storage;
using Ercot.Features.Pipeline;
using Ercot.Inference.Scoring;
using Ercot.Tests.Inference;
using Ercot.Tests.Infrastructure;
using Ercot.Tests.Training;
using Ercot.Training.Runs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace Ercot.Tests.Fuzz;

/// <summary>
/// Ten thousand seeded, mutated bodies per POST endpoint, sent to the real services hosted in the test: not one
/// may be answered with a 5xx, every refusal is a problem document, and some bodies (the unharmed ones) still
/// succeed, so a service that refused everything would not pass. A failure prints the payloads to replay.
/// </summary>
public sealed class FuzzTests(FuzzTests.Services services, ITestOutputHelper output) : IClassFixture<FuzzTests.Services>
{
    private const int Payloads = 10_000;

    private static string Features(int hourEnding) =>
        string.Join(",", SyntheticDart.Features.Select((name, i) => $"\"{name}\":{(name == "cal_hour_ending" ? hourEnding : 0.25 * i)}"));

    private static readonly string[] ScoreBodies =
    [
        $$$"""{"model":"ensemble","rows":[{"settlementPoint":"HB_NORTH","deliveryDate":"2024-07-02","hourEnding":14,"features":{{{{Features(14)}}}}}]}""",
        $$$"""{"model":"lightgbm","rows":[{"settlementPoint":"HB_WEST","deliveryHour":"2024-07-02T19:00:00Z","features":{{{{Features(15)}}}}},{"settlementPoint":"HB_WEST","deliveryDate":"2024-11-03","hourEnding":"02:00","dstFlag":true,"features":{{{{Features(2)}}}}}]}""",
        $$$"""{"data":[{"TimestampHour":"2024-07-02T18:00:00Z","SettlementPoint":"HB_NORTH",{{{Features(14)}}}}]}""",
    ];

    private static readonly string[] V2Bodies =
    [
        """{"id":"fuzz","inputs":[{"name":"features","datatype":"FP32","shape":[2,6],"data":[0.5,1,2,3,null,14,0,0,0,0,0,15]},{"name":"settlement_point","datatype":"BYTES","shape":[2],"data":["HB_NORTH","HB_WEST"]},{"name":"delivery_hour","datatype":"BYTES","shape":[2],"data":["2024-07-02T18:00:00Z","2024-07-02T19:00:00Z"]}]}""",
        """{"inputs":[{"name":"features","datatype":"FP32","shape":[1,6],"data":[1,2,3,4,5,6]}]}""",
    ];

    private static readonly string[] BuildBodies = ["""{"from":"2024-07-01","to":"2024-07-31"}""", """{"from":"2025-01-01","to":"2025-01-02"}"""];

    private static readonly string[] RunBodies =
    [
        """{"from":"2024-01-01","to":"2024-05-31","models":["lightgbm","xgboost"],"validationFrom":"2024-05-01","testFrom":"2024-05-20"}""",
        """{"from":"2024-01-01","to":"2024-05-31"}""",
    ];

    private static readonly string[] BacktestBodies =
    [
        """{"trainFrom":"2024-01-01","from":"2024-05-06","to":"2024-05-19","models":["lightgbm"],"refit":"Week","windowDays":90,"points":["HB_NORTH"],"cost":0.5,"theta":2,"sizeByWidth":true}""",
    ];

    [Fact(Timeout = 300_000)]
    public Task Score() => FuzzAsync(services.Inference, "/score", ScoreBodies, seed: 1);

    [Fact(Timeout = 300_000)]
    public Task V2Infer() => FuzzAsync(services.Inference, "/v2/models/ensemble/infer", V2Bodies, seed: 2);

    [Fact(Timeout = 300_000)]
    public Task FeatureBuilds() => FuzzAsync(services.Features, "/features/builds", BuildBodies, seed: 3);

    [Fact(Timeout = 300_000)]
    public Task TrainingRuns() => FuzzAsync(services.Training, "/training/runs", RunBodies, seed: 4);

    [Fact(Timeout = 300_000)]
    public Task Backtests() => FuzzAsync(services.Training, "/training/backtests", BacktestBodies, seed: 5);

    private async Task FuzzAsync(HttpClient http, string path, string[] bodies, int seed)
    {
        var payloads = new PayloadFuzzer(bodies, seed).Generate(Payloads).ToList();
        var statuses = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentQueue<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Parallel.ForEachAsync(payloads, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (payload, cancellationToken) =>
        {
            using var content = new ByteArrayContent(payload.Body);
            content.Headers.ContentType = payload.ContentType is null ? null : MediaTypeHeaderValue.Parse(payload.ContentType);
            try
            {
                using var response = await http.PostAsync(path, content, cancellationToken);
                var status = (int)response.StatusCode;
                statuses.AddOrUpdate(status, 1, (_, count) => count + 1);
                if (status >= 500)
                {
                    failures.Enqueue($"{status} {await response.Content.ReadAsStringAsync(cancellationToken)} for {payload}");
                }
                else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Enqueue($"{status} without a problem document ({response.Content.Headers.ContentType}) for {payload}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
            {
                failures.Enqueue($"{e.GetType().Name}: {e.Message} for {payload}");
            }
        });

        var summary = string.Join(", ", statuses.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}: {pair.Value}"));
        output.WriteLine($"{path}: {Payloads:N0} payloads in {clock.Elapsed.TotalSeconds:F1} s; {summary}");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {Payloads:N0} payloads to {path} failed ({summary}):\n{string.Join("\n", failures.Take(8))}");
        Assert.True(statuses.Keys.Any(status => status is >= 200 and < 300), $"No fuzzed payload to {path} succeeded ({summary}); the valid ones should.");
        Assert.True(statuses.Keys.Any(status => status is >= 400 and < 500), $"No fuzzed payload to {path} was refused ({summary}).");
    }

    /// <summary>
    /// The Inference, Features and Training services over empty temporary stores, with their workers taken out so
    /// that a fuzzed body that happens to be valid is queued and answered but never built or trained. Inference
    /// serves two small models trained on synthetic rows.
    /// </summary>
    public sealed class Services : IAsyncLifetime
    {
        private readonly TemporaryFolder _folder = new();
        private readonly ScoreRequestReaderTests.TrainedModels _models = new();
        private readonly List<IDisposable> _hosts = [];

        public HttpClient Inference { get; private set; } = null!;

        public HttpClient Features { get; private set; } = null!;

        public HttpClient Training { get; private set; } = null!;

        public Task InitializeAsync()
        {
            var inference = Host<ChampionHolder>("inference");
            inference.Services.GetRequiredService<ChampionHolder>().Swap(_models.Models);
            Inference = inference.CreateClient();
            Features = Host<FeatureBuildStatusStore>("features", "BackgroundJobServerHostedService").CreateClient();
            Training = Host<TrainingRunStore>("training", "TrainingWorker").CreateClient();
            return Task.CompletedTask;
        }

        private WebApplicationFactory<T> Host<T>(string name, params string[] workers) where T : class
        {
            var root = Path.Combine(_folder.Path, name);
            var factory = new WebApplicationFactory<T>().WithWebHostBuilder(builder =>
            {
                builder.UseSetting($"{ArtifactStoreOptions.SectionName}:{nameof(ArtifactStoreOptions.Root)}", Path.Combine(root, "artifacts"));
                builder.UseSetting($"{ErcotStoreOptions.SectionName}:{nameof(ErcotStoreOptions.DuckDbPath)}", Path.Combine(root, "ercot.duckdb"));
                builder.UseSetting("Logging:LogLevel:Default", "Warning");
                builder.ConfigureTestServices(services => RemoveHostedServices(services, workers));
            });
            _hosts.Add(factory);
            return factory;
        }

        /// <summary>Takes out the named background services; throws if one is not there, so a rename cannot let jobs run.</summary>
        private static void RemoveHostedServices(IServiceCollection services, string[] names)
        {
            foreach (var name in names)
            {
                var found = services.Where(descriptor => descriptor.ServiceType == typeof(IHostedService) && ImplementationName(descriptor) == name).ToList();
                if (found.Count == 0)
                {
                    throw new InvalidOperationException($"No hosted service {name} to take out of the fuzzed service.");
                }
                found.ForEach(descriptor => services.Remove(descriptor));
            }
        }

        private static string? ImplementationName(ServiceDescriptor descriptor) =>
            descriptor.IsKeyedService ? null
            : descriptor.ImplementationType?.Name ?? descriptor.ImplementationFactory?.Method.ReturnType.Name ?? descriptor.ImplementationInstance?.GetType().Name;

        public Task DisposeAsync()
        {
            _hosts.ForEach(host => host.Dispose());
            _models.Dispose();
            _folder.Dispose();
            return Task.CompletedTask;
        }
    }
}

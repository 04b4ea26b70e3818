using Ercot.Training.Runs;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Ercot.Core.Security;
using Ercot.Core.Simulation;
using Ercot.Core.Sources;
using Ercot.Core.Storage;
using Ercot.Gateway.Auth;
using Ercot.ServiceDefaults;
using Ercot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Ercot.Tests.AppHost;

/// <summary>
/// Boots the real AppHost once for the whole-app tests: every service as a process, a local artifact
/// folder of the test's own, and three API keys the gateway knows only by hash.
/// </summary>
public sealed class WholeAppFixture : IAsyncLifetime
{
    public const string PlantedSchema = """{"schemaHash":"whole-app-test","features":[]}""";
    public const int LimitedRequestsPerMinute = 3;
    public const int FailedAuthenticationsPerMinute = 20;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly TemporaryFolder _artifacts = new();
    private DistributedApplication? _app;

    public string ScoreKey { get; } = ApiKeyHash.NewKey();
    public string AdminKey { get; } = ApiKeyHash.NewKey();
    public string LimitedKey { get; } = ApiKeyHash.NewKey();

    /// <summary>A score key with room for thousands of requests a minute, for the load-bearing tests.</summary>
    public string BusyKey { get; } = ApiKeyHash.NewKey();

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The application has not started.");

    /// <summary>The local artifact folder every service of the application shares.</summary>
    public string ArtifactRoot => _artifacts.Path;

    public async Task InitializeAsync()
    {
        // A built feature schema, so that an admin call through the gateway has a real answer to fetch.
        var schema = Path.Combine(_artifacts.Path, ArtifactPaths.FeatureSchema);
        Directory.CreateDirectory(Path.GetDirectoryName(schema)!);
        await File.WriteAllTextAsync(schema, PlantedSchema);

        // Source tables for the Features service: six simulated weeks of two hubs.
        var sources = Path.Combine(_artifacts.Path, "..", Path.GetFileName(_artifacts.Path) + "-sources.duckdb");
        var store = new DuckDbErcotStore(sources);
        await store.InitializeAsync();
        await new MarketSimulator(store).RunAsync(new SimulationRequest(new(2024, 5, 20), new(2024, 7, 5), SimulatedMarket.Select("2"), 42));

        // Champions for the inference API: features for June, then every model trained on them.
        await PublishChampionsAsync(store);

        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Ercot_AppHost>(
        [
            $"{ArtifactStoreOptions.SectionName}:{nameof(ArtifactStoreOptions.Root)}={_artifacts.Path}",
            $"{ErcotStoreOptions.SectionName}:{nameof(ErcotStoreOptions.DuckDbPath)}={sources}",
        ], timeout.Token);

        // The AppHost forwards each resource's console output to its own loggers; keep a copy to assert on.
        builder.Services.AddLogging(logging => logging.AddFakeLogging());
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            // No dashboard listens in tests; exporting to it would make every service wait ~13 s on stop.
            builder.CreateResourceBuilder(project).WithEnvironment(context => context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"));
        }
        builder.CreateResourceBuilder<ProjectResource>(ResourceNames.Inference).WithEnvironment("Inference__ChampionPollSeconds", "1");
        builder.CreateResourceBuilder<ProjectResource>(ResourceNames.Gateway)
            .WithEnvironment("Gateway__TrustForwardedFor", "true")
            .WithEnvironment("Gateway__FailedAuthenticationsPerMinute", FailedAuthenticationsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithApiKey(0, "trading-desk", ScoreKey, [ApiKeyScopes.Score])
            .WithApiKey(1, "ops", AdminKey, [ApiKeyScopes.Admin])
            .WithApiKey(2, "burst-client", LimitedKey, [ApiKeyScopes.Score], LimitedRequestsPerMinute)
            .WithApiKey(3, "busy-client", BusyKey, [ApiKeyScopes.Score], 1_000_000);

        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, timeout.Token);
    }

    public HttpClient CreateClient(string resource) => App.CreateHttpClient(resource);

    /// <summary>Builds June's features and publishes every model trained on them as champion (whatever its score).</summary>
    private async Task PublishChampionsAsync(DuckDbErcotStore store)
    {
        var artifacts = new LocalArtifactStore(_artifacts.Path);
        await new Ercot.Features.Pipeline.FeatureBuilder(store, artifacts, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Ercot.Features.Pipeline.FeatureBuilder>.Instance)
            .BuildAsync(new Ercot.Features.Pipeline.FeatureBuildRequest(new(2024, 6, 1), new(2024, 6, 30)));
        var registry = new Ercot.Models.Registry.ModelRegistry(artifacts);
        var outcome = await new TrainingRunner(new Ercot.Models.FeatureStoreReader(artifacts), registry, TimeProvider.System)
            .RunAsync(new TrainingRequest(new(2024, 6, 1), new(2024, 6, 30), Ercot.Models.DartModels.Names, new(2024, 6, 17), new(2024, 6, 24)));
        foreach (var model in outcome.Models.Where(model => model.Role != Ercot.Core.Models.ModelRole.Champion))
        {
            var metadata = (await registry.ReadMetadataAsync(model.Model, model.Version))!;
            var bytes = new MemoryStream();
            await using (var file = (await registry.OpenModelFileAsync(metadata))!)
            {
                await file.CopyToAsync(bytes);
            }
            await registry.PublishAsync(metadata with { Role = Ercot.Core.Models.ModelRole.Champion, RoleReason = "made champion by the test fixture" }, () => new MemoryStream(bytes.ToArray()));
        }
    }

    /// <summary>A client of the gateway that sends <paramref name="key"/>.</summary>
    public HttpClient Gateway(string key)
    {
        var client = App.CreateHttpClient(ResourceNames.Gateway);
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key);
        return client;
    }

    /// <summary>Polls a build's or run's status until it leaves Queued and Running (or the time is up).</summary>
    public static async Task<System.Text.Json.JsonElement> FollowAsync(HttpClient client, string location, TimeSpan timeout)
    {
        System.Text.Json.JsonElement status;
        var deadline = DateTime.UtcNow + timeout;
        do
        {
            await Task.Delay(300);
            status = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(client, location);
        }
        while (status.GetProperty("state").GetString() is "Queued" or "Running" && DateTime.UtcNow < deadline);
        return status;
    }

    /// <summary>What <paramref name="resource"/> has written to its console so far, a line a record.</summary>
    public IReadOnlyList<string> ConsoleOf(string resource) => App.Services.GetFakeLogCollector().GetSnapshot()
        .Where(record => record.Category?.EndsWith($".Resources.{resource}", StringComparison.Ordinal) == true)
        .Select(record => record.Message)
        .ToList();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _artifacts.Dispose();
        File.Delete(Path.Combine(_artifacts.Path, "..", Path.GetFileName(_artifacts.Path) + "-sources.duckdb"));
    }
}

file static class GatewayResourceExtensions
{
    public static IResourceBuilder<ProjectResource> WithApiKey(
        this IResourceBuilder<ProjectResource> gateway, int index, string name, string key, string[] scopes, int? requestsPerMinute = null)
    {
        var prefix = $"Gateway__ApiKeys__{index}__";
        gateway.WithEnvironment(prefix + "Name", name).WithEnvironment(prefix + "Sha256", ApiKeyHash.ComputeHex(key));
        for (var i = 0; i < scopes.Length; i++)
        {
            gateway.WithEnvironment($"{prefix}Scopes__{i}", scopes[i]);
        }
        if (requestsPerMinute is { } limit)
        {
            gateway.WithEnvironment(prefix + "RequestsPerMinute", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return gateway;
    }
}

[CollectionDefinition(Name)]
public sealed class WholeAppCollection : ICollectionFixture<WholeAppFixture>
{
    public const string Name = "Whole application";
}

using System.Diagnostics;
using System.Text.Json;
using Ercot.ServiceDefaults;
using Ercot.Tests.Infrastructure;

namespace Ercot.Tests.AppHost;

/// <summary>
/// The deployment model azd reads: the AppHost's manifest. Only the gateway may face the internet,
/// every service must get the Blob connection string, no development key may leak into it, and a
/// trace sample ratio set on the AppHost reaches every service.
/// </summary>
public sealed class ManifestTests : IDisposable
{
    private readonly TemporaryFolder _output = new();

    [Fact(Timeout = 120_000)]
    public async Task Manifest_ExposesOnlyTheGateway_AndGivesEveryServiceTheBlobStore()
    {
        var resources = await PublishManifestAsync();

        Assert.Equal("parameter.v0", resources.GetProperty(ResourceNames.Blobs).GetProperty("type").GetString());
        foreach (var service in new[] { ResourceNames.Features, ResourceNames.Training, ResourceNames.Inference, ResourceNames.Desk, ResourceNames.Gateway })
        {
            var resource = resources.GetProperty(service);
            var external = resource.GetProperty("bindings").EnumerateObject()
                .Any(binding => binding.Value.TryGetProperty("external", out var value) && value.GetBoolean());
            Assert.True(external == (service == ResourceNames.Gateway), $"{service}: external = {external}");
        }
        foreach (var service in new[] { ResourceNames.Features, ResourceNames.Training, ResourceNames.Inference, ResourceNames.Desk })
        {
            var environment = resources.GetProperty(service).GetProperty("env");
            Assert.Equal("{blobs.connectionString}", environment.GetProperty("ConnectionStrings__blobs").GetString());
            Assert.False(environment.TryGetProperty("ArtifactStore__Root", out _), $"{service} must not use a local folder in Azure");
        }
        var gateway = resources.GetProperty(ResourceNames.Gateway).GetProperty("env");
        Assert.False(gateway.TryGetProperty("Gateway__DevelopmentKeySha256", out _));
    }

    [Fact(Timeout = 120_000)]
    public async Task Published_TrainingIsBuiltFromItsDockerfileAtTheRepositoryRoot_KeysAreSecretParameters_AndJobsGoToSqlServer()
    {
        var resources = await PublishManifestAsync();

        var training = resources.GetProperty(ResourceNames.Training);
        Assert.StartsWith("container.", training.GetProperty("type").GetString(), StringComparison.Ordinal);
        var build = training.GetProperty("build");
        var root = Path.GetFullPath(Path.Combine(Projects.Ercot_AppHost.ProjectPath, ".."));
        Assert.Equal(root.TrimEnd('/'), Path.GetFullPath(Path.Combine(_output.Path, build.GetProperty("context").GetString()!)).TrimEnd('/'));
        Assert.Equal(Path.Combine(root, "Ercot.Training", "Dockerfile"), Path.GetFullPath(Path.Combine(_output.Path, build.GetProperty("dockerfile").GetString()!)));

        var gateway = resources.GetProperty(ResourceNames.Gateway).GetProperty("env");
        var hashes = gateway.EnumerateObject().Where(variable => variable.Name.StartsWith("Gateway__ApiKeys__", StringComparison.Ordinal) && variable.Name.EndsWith("__Sha256", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, hashes.Count);
        Assert.All(hashes, hash =>
        {
            var parameter = hash.Value.GetString()!.Trim('{', '}').Split('.')[0];
            Assert.True(resources.GetProperty(parameter).GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean(), $"{parameter} must be secret");
        });
        Assert.DoesNotContain("DevelopmentKey", resources.GetRawText(), StringComparison.Ordinal);

        var features = resources.GetProperty(ResourceNames.Features).GetProperty("env");
        Assert.Equal("SqlServer", features.GetProperty("Features__JobStore").GetString());
        Assert.Equal("{hangfire.connectionString}", features.GetProperty("ConnectionStrings__hangfire").GetString());
    }

    [Fact]
    public void TheTrainingDockerfile_PinsEveryBase_RunsAsAUser_AndNeverSaysLatest()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(Projects.Ercot_AppHost.ProjectPath, "..", "Ercot.Training", "Dockerfile"));
        var bases = dockerfile.Where(line => line.StartsWith("FROM ", StringComparison.Ordinal)).Select(line => line.Split(' ')[1]).ToList();
        var users = dockerfile.Where(line => line.StartsWith("USER ", StringComparison.Ordinal)).Select(line => line[5..].Trim()).ToList();

        Assert.True(bases.Count >= 2, "a multi-stage build");
        Assert.All(bases, image =>
        {
            var tag = image.Contains(':', StringComparison.Ordinal) ? image[(image.LastIndexOf(':') + 1)..] : "";
            Assert.Matches(@"^\d+\.\d+\.\d+", tag); // a full version, not a moving major tag
        });
        Assert.DoesNotContain(dockerfile, line => line.Contains("latest", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(users);
        Assert.DoesNotContain(users[^1], new[] { "root", "0" });
        Assert.Contains(dockerfile, line => line.Contains("libtorch", StringComparison.Ordinal) && line.Contains("2.10.0", StringComparison.Ordinal));
        // The Debian 12 work-around needs node, which the SDK image lacks; the Dockerfile turns it off.
        Assert.Contains(dockerfile, line => line.Contains("-p:WeakenTorchSharpGlibcxx=false", StringComparison.Ordinal));
    }

    [Fact]
    public void TheOtherServices_ArePublishedBySdkContainerBuilds_OnAPinnedBase_AsAnUnprivilegedUser()
    {
        var targets = System.Xml.Linq.XDocument.Load(Path.Combine(Projects.Ercot_AppHost.ProjectPath, "..", "Directory.Build.targets"));

        var image = targets.Descendants("ContainerBaseImage").Single().Value;
        var user = targets.Descendants("ContainerUser").Single().Value;

        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/aspnet:\d+\.\d+\.\d+", image);
        Assert.DoesNotContain("latest", image, StringComparison.Ordinal);
        Assert.NotEqual("root", user);
    }

    [Fact(Timeout = 120_000)]
    public async Task TraceSampleRatio_ReachesEveryService()
    {
        var resources = await PublishManifestAsync(("Telemetry__TraceSampleRatio", "0.05"));

        foreach (var service in new[] { ResourceNames.Features, ResourceNames.Training, ResourceNames.Inference, ResourceNames.Desk, ResourceNames.Gateway })
        {
            var environment = resources.GetProperty(service).GetProperty("env");
            Assert.Equal("parentbased_traceidratio", environment.GetProperty("OTEL_TRACES_SAMPLER").GetString());
            Assert.Equal("0.05", environment.GetProperty("OTEL_TRACES_SAMPLER_ARG").GetString());
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task TraceSampleRatio_OutOfRange_StopsTheAppHostNamingTheSetting()
    {
        var (exitCode, output) = await RunPublisherAsync(("Telemetry__TraceSampleRatio", "1.5"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Telemetry:TraceSampleRatio must be a number from 0 to 1, got '1.5'", output);
    }

    private async Task<JsonElement> PublishManifestAsync(params (string Name, string Value)[] environment)
    {
        var (exitCode, output) = await RunPublisherAsync(environment);
        Assert.True(exitCode == 0, $"manifest publishing failed ({exitCode}):\n{output}");

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(ManifestPath));
        return json.RootElement.GetProperty("resources").Clone();
    }

    private async Task<(int ExitCode, string Output)> RunPublisherAsync(params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "run", "--project", Projects.Ercot_AppHost.ProjectPath, "--no-build", "--configuration", BuildConfiguration,
                "--", "--publisher", "manifest", "--output-path", ManifestPath },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    private string ManifestPath => Path.Combine(_output.Path, "aspire-manifest.json");

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    public void Dispose() => _output.Dispose();
}

using System.Diagnostics;
using System.Text.Json;
using Ercot.ServiceDefaults;
using Ercot.Tests.Infrastructure;

namespace Ercot.Tests.AppHost;

/// <summary>
/// The deployment model azd reads: the AppHost's manifest. Only the gateway may face the internet,
/// every service must get the Blob connection string, and no development key may leak into it.
/// </summary>
public sealed class ManifestTests : IDisposable
{
    private readonly TemporaryFolder _output = new();

    [Fact(Timeout = 120_000)]
    public async Task Manifest_ExposesOnlyTheGateway_AndGivesEveryServiceTheBlobStore()
    {
        var resources = await PublishManifestAsync();

        Assert.Equal("parameter.v0", resources.GetProperty(ResourceNames.Blobs).GetProperty("type").GetString());
        foreach (var service in new[] { ResourceNames.Features, ResourceNames.Training, ResourceNames.Inference, ResourceNames.Gateway })
        {
            var resource = resources.GetProperty(service);
            var external = resource.GetProperty("bindings").EnumerateObject()
                .Any(binding => binding.Value.TryGetProperty("external", out var value) && value.GetBoolean());
            Assert.True(external == (service == ResourceNames.Gateway), $"{service}: external = {external}");
        }
        foreach (var service in new[] { ResourceNames.Features, ResourceNames.Training, ResourceNames.Inference })
        {
            var environment = resources.GetProperty(service).GetProperty("env");
            Assert.Equal("{blobs.connectionString}", environment.GetProperty("ConnectionStrings__blobs").GetString());
            Assert.False(environment.TryGetProperty("ArtifactStore__Root", out _), $"{service} must not use a local folder in Azure");
        }
        var gateway = resources.GetProperty(ResourceNames.Gateway).GetProperty("env");
        Assert.False(gateway.TryGetProperty("Gateway__DevelopmentKeySha256", out _));
    }

    private async Task<JsonElement> PublishManifestAsync()
    {
        var manifest = Path.Combine(_output.Path, "aspire-manifest.json");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "run", "--project", Projects.Ercot_AppHost.ProjectPath, "--no-build", "--configuration", BuildConfiguration,
                "--", "--publisher", "manifest", "--output-path", manifest },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"manifest publishing failed ({process.ExitCode}):\n{await output}\n{await errors}");

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(manifest));
        return json.RootElement.GetProperty("resources").Clone();
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    public void Dispose() => _output.Dispose();
}

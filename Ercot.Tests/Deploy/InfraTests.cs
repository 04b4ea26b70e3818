using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Ercot.Tests.Deploy;

/// <summary>
/// infra/ checked offline with the Bicep CLI from NuGet: it builds and lints with no finding at all (Bicep reports
/// type errors as warnings and exits 0, so any "Warning" or "Error" line fails), and the compiled template says what
/// the deployment relies on.
/// </summary>
public sealed class InfraTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(Projects.Ercot_AppHost.ProjectPath, ".."));

    private static string Bicep => typeof(InfraTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "BicepCli").Value!;

    [Theory(Timeout = 120_000)]
    [InlineData("build")]
    [InlineData("lint")]
    public async Task MainBicep_BuildsAndLints_WithoutASingleFinding(string command)
    {
        var (exitCode, output) = await RunBicepAsync(command, Path.Combine(Root, "infra", "main.bicep"), command == "build" ? "--stdout" : "");

        Assert.Equal(0, exitCode);
        var findings = output.Split('\n').Where(line => line.Contains(" : Warning ", StringComparison.Ordinal) || line.Contains(" : Error ", StringComparison.Ordinal)).ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact(Timeout = 120_000)]
    public async Task TheTemplate_KeepsSecretsAndKeysOut_AndGivesTrainingAShortNamedGpuProfile()
    {
        var (exitCode, output) = await RunBicepAsync("build", Path.Combine(Root, "infra", "main.bicep"), "--stdout");
        Assert.Equal(0, exitCode);
        using var template = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        var resources = Descendants(template.RootElement).Where(element => element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String).ToList();
        JsonElement Of(string type) => resources.Single(resource => resource.GetProperty("type").GetString() == type);

        var gpuTypes = template.RootElement.GetProperty("parameters").GetProperty("gpuProfileType").GetProperty("allowedValues").EnumerateArray().Select(value => value.GetString()).ToList();
        Assert.Equal(["Consumption-GPU-NC8as-T4", "Consumption-GPU-NC24-A100"], gpuTypes);
        var profiles = Of("Microsoft.App/managedEnvironments").GetProperty("properties").GetProperty("workloadProfiles").EnumerateArray().ToList();
        Assert.Contains(profiles, profile => profile.GetProperty("name").GetString() == "Consumption");
        var gpuName = Descendants(template.RootElement)
            .Where(element => element.ValueKind == JsonValueKind.Object && element.TryGetProperty("variables", out var variables) && variables.ValueKind == JsonValueKind.Object && variables.TryGetProperty("gpuProfileName", out _))
            .Select(element => element.GetProperty("variables").GetProperty("gpuProfileName").GetString()!)
            .Single();
        Assert.Contains(profiles, profile => profile.GetProperty("name").GetString() == "[variables('gpuProfileName')]");
        Assert.InRange(gpuName.Length, 1, 15); // long workload profile names are refused by Container Apps
        Assert.Contains(template.RootElement.GetProperty("outputs").EnumerateObject(), output => output.Name == "AZURE_GPU_WORKLOAD_PROFILE");
        Assert.False(Of("Microsoft.Storage/storageAccounts").GetProperty("properties").GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.True(Of("Microsoft.KeyVault/vaults").GetProperty("properties").GetProperty("enableRbacAuthorization").GetBoolean());
        Assert.True(Of("Microsoft.Sql/servers").GetProperty("properties").GetProperty("administrators").GetProperty("azureADOnlyAuthentication").GetBoolean());
        Assert.False(Of("Microsoft.ContainerRegistry/registries").GetProperty("properties").GetProperty("adminUserEnabled").GetBoolean());
        foreach (var secret in new[] { "gatewayDeskKeySha256", "gatewayOpsKeySha256" })
        {
            Assert.Equal("securestring", template.RootElement.GetProperty("parameters").GetProperty(secret).GetProperty("type").GetString());
        }
        Assert.DoesNotContain(Directory.EnumerateFiles(Path.Combine(Root, "infra"), "*.bicep", SearchOption.AllDirectories),
            file => File.ReadAllText(file).Contains("br/public:", StringComparison.Ordinal)); // registry modules need the internet
    }

    [Fact]
    public void AzureYaml_PointsAzdAtTheHandKeptInfra_AndBuildsImagesRemotely()
    {
        var yaml = File.ReadAllText(Path.Combine(Root, "azure.yaml"));

        Assert.Matches(@"(?m)^infra:\s*\n\s+provider: bicep\s*\n\s+path: infra\s*$", yaml);
        Assert.Contains("remoteBuild: true", yaml, StringComparison.Ordinal);
        var parameters = File.ReadAllText(Path.Combine(Root, "infra", "main.parameters.json"));
        foreach (var variable in new[] { "${AZURE_ENV_NAME}", "${AZURE_LOCATION}", "${AZURE_PRINCIPAL_ID}" })
        {
            Assert.Contains(variable, parameters, StringComparison.Ordinal);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunBicepAsync(string command, string file, string extra)
    {
        var start = new ProcessStartInfo(Bicep) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(file);
        if (extra.Length > 0)
        {
            start.ArgumentList.Add(extra);
        }
        // Offline: no telemetry, no update checks.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await errors + "\n" + await output);
    }

    private static IEnumerable<JsonElement> Descendants(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(property => property.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}

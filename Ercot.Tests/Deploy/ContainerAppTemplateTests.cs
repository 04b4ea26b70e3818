using System.Text.RegularExpressions;
using Ercot.ServiceDefaults;
using YamlDotNet.RepresentationModel;

namespace Ercot.Tests.Deploy;

/// <summary>
/// The per-service Container Apps templates azd deploys (<c>manifests/containerApp.tmpl.yaml</c>), read as azd renders
/// them (every <c>{{ … }}</c> replaced): only the gateway is external, Training runs on the GPU profile from zero to one
/// replica, every service is probed on /alive and /health, runs as the identity, exports to Application Insights,
/// and no secret is written in a template.
/// </summary>
public sealed partial class ContainerAppTemplateTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(Projects.Ercot_AppHost.ProjectPath, ".."));

    public static TheoryData<string, string> Services => new()
    {
        { ResourceNames.Gateway, "Ercot.Gateway" },
        { ResourceNames.Inference, "Ercot.Inference" },
        { ResourceNames.Features, "Ercot.Features" },
        { ResourceNames.Training, "Ercot.Training" },
        { ResourceNames.Desk, "Ercot.Desk" },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public void EveryService_IsProbed_RunsAsTheIdentity_AndIsTaggedForAzd(string service, string project)
    {
        var app = Render(project);

        Assert.Equal(service, Scalar(app, "tags", "azd-service-name"));
        Assert.Equal("UserAssigned", Scalar(app, "identity", "type"));
        var container = (YamlMappingNode)((YamlSequenceNode)Node(app, "properties", "template", "containers")).Children.Single();
        var probes = ((YamlSequenceNode)container["probes"]).Children.Cast<YamlMappingNode>()
            .ToDictionary(probe => ((YamlScalarNode)probe["type"]).Value!, probe => Scalar(probe, "httpGet", "path"));
        Assert.Equal(HealthEndpoints.Alive, probes["Liveness"]);
        Assert.Equal(HealthEndpoints.Ready, probes["Readiness"]);
        var environment = ((YamlSequenceNode)container["env"]).Children.Cast<YamlMappingNode>().Select(variable => ((YamlScalarNode)variable["name"]).Value).ToList();
        Assert.Contains("AZURE_CLIENT_ID", environment);
        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", environment);
        Assert.NotNull(Scalar(container, "resources", "cpu"));
        Assert.NotNull(Scalar(container, "resources", "memory"));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void OnlyTheGateway_IsExternal(string service, string project) =>
        Assert.Equal(service == ResourceNames.Gateway ? "true" : "false", Scalar(Render(project), "properties", "configuration", "ingress", "external"));

    [Fact]
    public void Training_IsPinnedToTheGpuProfile_FromZeroToOneReplica()
    {
        var app = Render("Ercot.Training");

        Assert.Equal("gpu", Scalar(app, "properties", "workloadProfileName"));
        Assert.Equal("0", Scalar(app, "properties", "template", "scale", "minReplicas"));
        Assert.Equal("1", Scalar(app, "properties", "template", "scale", "maxReplicas"));
        // The profile name is the one infra/ creates.
        Assert.Contains("var gpuProfileName = 'gpu'", File.ReadAllText(Path.Combine(Root, "infra", "modules", "environment.bicep")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void NoSecret_IsWrittenInATemplate_TheKeysComeFromKeyVault(string service, string project)
    {
        var app = Render(project);
        var text = File.ReadAllText(TemplatePath(project));

        Assert.DoesNotMatch("(?i)(password|accountkey|sharedaccesskey)\\s*=", text);
        if (Node(app, "properties", "configuration") is YamlMappingNode configuration && configuration.Children.ContainsKey("secrets"))
        {
            Assert.All(((YamlSequenceNode)configuration["secrets"]).Children.Cast<YamlMappingNode>(), secret =>
            {
                Assert.False(secret.Children.ContainsKey("value"), $"{service}: secret {secret["name"]} has a value in the template");
                Assert.True(secret.Children.ContainsKey("keyVaultUrl") && secret.Children.ContainsKey("identity"), $"{service}: secret {secret["name"]} must come from Key Vault through the identity");
            });
        }
        if (service == ResourceNames.Gateway)
        {
            Assert.Contains("keyVaultUrl: \"{{ .Env.AZURE_KEY_VAULT_ENDPOINT }}secrets/gateway-desk-key-sha256\"", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheKeyHashes_HaveOneName_InTheManifest_InKeyVault_AndInTheGatewaysTemplate()
    {
        var published = KeyName().Matches(File.ReadAllText(Path.Combine(Root, "Ercot.AppHost", "Extensions", "PublishExtensions.cs"))).Select(match => match.Value).ToHashSet();
        var vault = KeyName().Matches(File.ReadAllText(Path.Combine(Root, "infra", "modules", "keyvault.bicep"))).Select(match => match.Value).ToHashSet();
        var template = ((YamlSequenceNode)Node(Render("Ercot.Gateway"), "properties", "configuration", "secrets")).Children.Cast<YamlMappingNode>()
            .Select(secret => ((YamlScalarNode)secret["name"]).Value!).ToHashSet();

        Assert.Equal(["gateway-desk-key-sha256", "gateway-ops-key-sha256"], published.Order());
        Assert.Equal(published, vault);
        Assert.Equal(published, template);
    }

    [GeneratedRegex("gateway-[a-z]+-key-sha256")]
    private static partial Regex KeyName();

    private static string TemplatePath(string project) => Path.Combine(Root, project, "manifests", "containerApp.tmpl.yaml");

    /// <summary>The template as YAML once azd has filled in its placeholders.</summary>
    private static YamlMappingNode Render(string project)
    {
        var rendered = Placeholder().Replace(File.ReadAllText(TemplatePath(project)), match => $"rendered-{match.Groups[1].Value.Trim().Replace(' ', '-')}");
        var yaml = new YamlStream();
        yaml.Load(new StringReader(rendered));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlNode Node(YamlMappingNode root, params string[] path) =>
        path.Aggregate((YamlNode)root, (node, key) => ((YamlMappingNode)node)[key]);

    private static string? Scalar(YamlMappingNode root, params string[] path) => ((YamlScalarNode)Node(root, path)).Value;

    [GeneratedRegex(@"\{\{(.*?)\}\}")]
    private static partial Regex Placeholder();
}

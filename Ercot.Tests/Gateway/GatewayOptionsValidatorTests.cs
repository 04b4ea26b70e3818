using Ercot.Core.Security;
using Ercot.Gateway;
using Ercot.Gateway.Auth;
using Ercot.Gateway.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ercot.Tests.Gateway;

public sealed class GatewayOptionsValidatorTests
{
    private static readonly string GoodHash = ApiKeyHash.ComputeHex("ercot_good");

    private static ApiKeyOptions Good(string name) => new() { Name = name, Sha256 = GoodHash, Scopes = [ApiKeyScopes.Score] };

    private static List<string> Failures(params ApiKeyOptions[] keys)
    {
        var result = new GatewayOptionsValidator().Validate(null, new GatewayOptions { ApiKeys = [.. keys] });
        return result.Failures?.ToList() ?? [];
    }

    [Fact]
    public void ValidKeys_Pass()
    {
        Assert.Empty(Failures(Good("desk"), Good("ops")));
    }

    [Fact]
    public void PlaintextKeyInPlaceOfTheHash_IsRejected_WithoutEchoingIt()
    {
        var failure = Assert.Single(Failures(Good("desk"), new ApiKeyOptions { Name = "risk", Sha256 = "ercot_plaintext-secret", Scopes = ["score"] }));

        Assert.StartsWith("Gateway:ApiKeys:1 ('risk'): Sha256", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("plaintext-secret", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownScope_IsRejected_NamingTheScopeAndTheKnownOnes()
    {
        var failure = Assert.Single(Failures(new ApiKeyOptions { Name = "desk", Sha256 = GoodHash, Scopes = ["scoring"] }));

        Assert.Contains("Gateway:ApiKeys:0 ('desk')", failure, StringComparison.Ordinal);
        Assert.Contains("'scoring'", failure, StringComparison.Ordinal);
        Assert.Contains("score, admin", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingNameOrScopes_AndDuplicateNames_AreEachReported()
    {
        var failures = Failures(
            new ApiKeyOptions { Name = "", Sha256 = GoodHash, Scopes = ["score"] },
            new ApiKeyOptions { Name = "desk", Sha256 = GoodHash, Scopes = [] },
            Good("desk"));

        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Gateway:ApiKeys:0: Name is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Gateway:ApiKeys:1 ('desk'): Scopes is empty", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Gateway:ApiKeys:2 ('desk'): Name 'desk' is used by another key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gateway_WithAMalformedKeyEntry_RefusesToStart_NamingTheEntry()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:ApiKeys:0:Name"] = "desk",
            ["Gateway:ApiKeys:0:Sha256"] = GoodHash,
            ["Gateway:ApiKeys:0:Scopes:0"] = "score",
            ["Gateway:ApiKeys:1:Name"] = "ops",
            ["Gateway:ApiKeys:1:Sha256"] = "not-a-hash",
            ["Gateway:ApiKeys:1:Scopes:0"] = "admin",
        });
        builder.Logging.ClearProviders();
        builder.AddApplicationServices();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Gateway:ApiKeys:1 ('ops'): Sha256", error.Message, StringComparison.Ordinal);
    }
}

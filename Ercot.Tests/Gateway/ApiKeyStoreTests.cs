using Ercot.Core.Security;
using Ercot.Gateway;
using Ercot.Gateway.Auth;

namespace Ercot.Tests.Gateway;

public sealed class ApiKeyStoreTests
{
    private const string TraderKey = "ercot_trader-key-for-tests";
    private const string AdminKey = "ercot_admin-key-for-tests";

    private static GatewayOptions Options(string? developmentKey = null) => new()
    {
        RequestsPerMinute = 100,
        DevelopmentKeySha256 = developmentKey is null ? null : ApiKeyHash.ComputeHex(developmentKey),
        ApiKeys =
        [
            new() { Name = "trading-desk", Sha256 = ApiKeyHash.ComputeHex(TraderKey), Scopes = [ApiKeyScopes.Score] },
            // Hex from other tools is often upper case; it names the same hash.
            new() { Name = "ops", Sha256 = ApiKeyHash.ComputeHex(AdminKey).ToUpperInvariant(), Scopes = [ApiKeyScopes.Admin, ApiKeyScopes.Score], RequestsPerMinute = 5 },
        ],
    };

    [Fact]
    public void Find_WithAConfiguredKey_ReturnsItsHolderAndScopes()
    {
        var store = ApiKeyStore.Create(Options(), isDevelopment: false);

        var trader = store.Find(TraderKey);
        var ops = store.Find(AdminKey);

        Assert.NotNull(trader);
        Assert.Equal("trading-desk", trader.Name);
        Assert.Equal([ApiKeyScopes.Score], trader.Scopes);
        Assert.NotNull(ops);
        Assert.Equal("ops", ops.Name);
        Assert.Contains(ApiKeyScopes.Admin, ops.Scopes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ercot_trader-key-for-test")]
    [InlineData("ercot_trader-key-for-testsX")]
    [InlineData("ERCOT_TRADER-KEY-FOR-TESTS")]
    public void Find_WithAnyOtherKey_ReturnsNull(string presented)
    {
        var store = ApiKeyStore.Create(Options(), isDevelopment: false);

        Assert.Null(store.Find(presented));
    }

    [Fact]
    public void Find_WithTheHashInsteadOfTheKey_ReturnsNull()
    {
        var store = ApiKeyStore.Create(Options(), isDevelopment: false);

        Assert.Null(store.Find(ApiKeyHash.ComputeHex(TraderKey)));
    }

    [Fact]
    public void RateLimit_IsTheKeysOwn_OrTheDefault()
    {
        var store = ApiKeyStore.Create(Options(), isDevelopment: false);

        Assert.Equal(100, store.RequestsPerMinuteOf("trading-desk"));
        Assert.Equal(5, store.RequestsPerMinuteOf("ops"));
    }

    [Fact]
    public void DevelopmentKey_WorksInDevelopment_WithEveryScope()
    {
        var store = ApiKeyStore.Create(Options(developmentKey: "ercot_dev"), isDevelopment: true);

        var key = store.Find("ercot_dev");

        Assert.NotNull(key);
        Assert.Equal(ApiKeyStore.DevelopmentKeyName, key.Name);
        Assert.True(key.Scopes.SetEquals(ApiKeyScopes.All));
    }

    [Fact]
    public void DevelopmentKey_IsIgnoredOutsideDevelopment()
    {
        var store = ApiKeyStore.Create(Options(developmentKey: "ercot_dev"), isDevelopment: false);

        Assert.Null(store.Find("ercot_dev"));
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public void NewKey_IsRandomAndLongEnough()
    {
        var first = ApiKeyHash.NewKey();
        var second = ApiKeyHash.NewKey();

        Assert.NotEqual(first, second);
        Assert.StartsWith("ercot_", first, StringComparison.Ordinal);
        Assert.True(first.Length >= 40, first.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

using Ercot.Core.Sources;

namespace Ercot.Tests.Core.Sources;

/// <summary>Azure SQL with Entra-only authentication: a token from the managed identity, never a password.</summary>
public sealed class SqlConnectionsTests
{
    [Theory]
    [InlineData("Active Directory Managed Identity")]
    [InlineData("Active Directory Default")]
    public void AnEntraConnection_GetsItsTokenFromTheIdentity(string authentication)
    {
        using var connection = SqlConnections.Create(
            $"Server=tcp:ercot.database.windows.net,1433;Database=ercot;Encrypt=True;Authentication={authentication};User Id=11111111-2222-3333-4444-555555555555");

        Assert.NotNull(connection.AccessTokenCallback);
        Assert.DoesNotContain("Authentication", connection.ConnectionString, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("11111111", connection.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("ercot.database.windows.net", connection.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void APasswordConnection_IsLeftAsItIs()
    {
        const string local = "Server=localhost;Database=ercot;User Id=sa;Password=not-a-secret;TrustServerCertificate=True";

        using var connection = SqlConnections.Create(local);

        Assert.Null(connection.AccessTokenCallback);
        Assert.Equal(local, connection.ConnectionString);
    }
}

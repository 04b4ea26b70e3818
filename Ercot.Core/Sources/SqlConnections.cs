using System.Collections.Concurrent;
using Azure.Core;
using Azure.Identity;
using Microsoft.Data.SqlClient;

namespace Ercot.Core.Sources;

/// <summary>
/// SQL Server connections from a connection string, including Azure SQL with Entra-only authentication:
/// <c>Authentication=Active Directory Managed Identity</c> (or <c>Active Directory Default</c>), with the user-assigned
/// identity's client id as <c>User Id</c>. SqlClient 7 left those methods to a separate package, so the token comes
/// from <see cref="DefaultAzureCredential"/> through the connection's token callback; no password is ever involved.
/// </summary>
public static class SqlConnections
{
    private static readonly string[] Scopes = ["https://database.windows.net/.default"];
    private static readonly ConcurrentDictionary<string, TokenCredential> Credentials = new(StringComparer.Ordinal);

    public static SqlConnection Create(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        if (builder.Authentication is not (SqlAuthenticationMethod.ActiveDirectoryManagedIdentity or SqlAuthenticationMethod.ActiveDirectoryMSI
            or SqlAuthenticationMethod.ActiveDirectoryDefault))
        {
            return new SqlConnection(connectionString);
        }
        var clientId = builder.UserID;
        builder.Authentication = SqlAuthenticationMethod.NotSpecified;
        builder.UserID = "";
        // One credential per identity, so its token cache serves every connection.
        var credential = Credentials.GetOrAdd(clientId, id => new DefaultAzureCredential(
            new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrEmpty(id) ? null : id }));
        return new SqlConnection(builder.ConnectionString)
        {
            AccessTokenCallback = async (_, cancellationToken) =>
            {
                var token = await credential.GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken);
                return new SqlAuthenticationToken(token.Token, token.ExpiresOn);
            },
        };
    }
}

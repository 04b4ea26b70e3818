using Azure.Storage.Blobs;
using Ercot.Core.Storage;

namespace Ercot.Tests.Core.Storage;

/// <summary>The two forms of the <c>blobs</c> setting: an account endpoint (managed identity, no key) or a connection string.</summary>
public sealed class BlobServiceClientsTests
{
    [Fact]
    public void AnAccountEndpoint_IsReachedWithATokenCredential_NeverAnAccountKey()
    {
        var client = BlobServiceClients.Create("https://ercotartifacts.blob.core.windows.net/", "ConnectionStrings:blobs");

        Assert.Equal("ercotartifacts", client.AccountName);
        Assert.Equal(new Uri("https://ercotartifacts.blob.core.windows.net/"), client.Uri);
        Assert.False(client.CanGenerateAccountSasUri); // no shared key: the identity's role is the only way in
    }

    [Fact]
    public void AConnectionString_KeepsWorking_ForAzurite()
    {
        const string azurite = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

        var client = BlobServiceClients.Create(azurite, "ConnectionStrings:blobs");

        Assert.Equal("devstoreaccount1", client.AccountName);
        Assert.True(client.CanGenerateAccountSasUri);
    }

    [Fact]
    public void Anything_Else_IsRefused_NamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BlobServiceClients.Create("not a blob setting", "ConnectionStrings:blobs"));

        Assert.StartsWith("ConnectionStrings:blobs is neither a Blob account endpoint", error.Message, StringComparison.Ordinal);
    }
}

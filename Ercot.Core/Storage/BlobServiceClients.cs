using Azure.Identity;
using Azure.Storage.Blobs;

namespace Ercot.Core.Storage;

/// <summary>
/// The Blob service a <c>blobs</c> connection setting names, in either form: an account endpoint
/// (<c>https://{account}.blob.core.windows.net/</c>) reached as the service's managed identity through
/// <see cref="DefaultAzureCredential"/> (no account key anywhere), or a connection string (Azurite, local tools).
/// </summary>
public static class BlobServiceClients
{
    public static BlobServiceClient Create(string setting, string settingName)
    {
        if (Uri.TryCreate(setting.Trim(), UriKind.Absolute, out var endpoint) && endpoint.Scheme is "https" or "http")
        {
            // DefaultAzureCredential picks the user-assigned identity named by AZURE_CLIENT_ID in Container Apps,
            // and a developer's az / azd sign-in elsewhere.
            return new BlobServiceClient(endpoint, new DefaultAzureCredential());
        }
        try
        {
            return new BlobServiceClient(setting);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"{settingName} is neither a Blob account endpoint (https://<account>.blob.core.windows.net/) nor a storage connection string: {e.Message}", e);
        }
    }
}

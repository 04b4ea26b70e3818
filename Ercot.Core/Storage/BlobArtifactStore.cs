using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Ercot.Core.Storage;

/// <summary>
/// Artifacts as block blobs in one container. An upload becomes visible only when it is committed
/// whole, so a replace is atomic and a failed upload leaves the previous blob in place.
/// </summary>
public sealed class BlobArtifactStore(BlobContainerClient container) : IArtifactStore
{
    // Creating the container is idempotent, so racing first writers at worst ask twice.
    private volatile bool _containerExists;

    public string Location => $"Azure Blob container {container.Name} at {container.Uri.GetLeftPart(UriPartial.Authority)}";

    public async Task WriteAsync(string path, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var blob = container.GetBlobClient(ArtifactPath.Validate(path));
        await EnsureContainerAsync(cancellationToken);
        await blob.UploadAsync(content, overwrite: true, cancellationToken);
    }

    public async Task<Stream?> TryOpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = container.GetBlobClient(ArtifactPath.Validate(path));
        try
        {
            var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<ArtifactInfo?> TryGetInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = container.GetBlobClient(ArtifactPath.Validate(path));
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new ArtifactInfo(path, properties.ContentLength, properties.LastModified);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<ArtifactInfo> ListAsync(string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArtifactPath.ValidatePrefix(prefix);
        if (!await container.ExistsAsync(cancellationToken))
        {
            yield break;
        }
        // Blob listings come back in lexicographic (ordinal) order already.
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            yield return new ArtifactInfo(item.Name, item.Properties.ContentLength ?? 0, item.Properties.LastModified ?? DateTimeOffset.MinValue);
        }
    }

    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = container.GetBlobClient(ArtifactPath.Validate(path));
        try
        {
            return (await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public Task EnsureReachableAsync(CancellationToken cancellationToken = default) => EnsureContainerAsync(cancellationToken);

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_containerExists)
        {
            return;
        }
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        _containerExists = true;
    }
}

using Azure.Storage.Blobs;
using Ercot.Core.Storage;
using Ercot.Tests.Infrastructure;

namespace Ercot.Tests.Core.Storage;

/// <summary>The artifact-store contract against Azure Blob, on the Azurite that ./test.sh starts.</summary>
public sealed class BlobArtifactStoreTests : ArtifactStoreContract, IDisposable
{
    private readonly BlobContainerClient? _container;
    private readonly BlobArtifactStore? _store;

    public BlobArtifactStoreTests()
    {
        if (TestEnvironment.AzuriteConnectionString is { } connection)
        {
            // A container per test: tests run in parallel and must not see each other's objects.
            _container = new BlobServiceClient(connection).GetBlobContainerClient($"test-{Guid.NewGuid():N}");
            _store = new BlobArtifactStore(_container);
        }
    }

    protected override IArtifactStore Store => _store ?? throw new InvalidOperationException(SkipReason);

    protected override string? SkipReason => _container is null ? TestEnvironment.SkipReasonWithoutAzurite : null;

    [SkippableFact]
    public async Task Location_NamesTheContainer_ButNoCredentials()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await Store.EnsureReachableAsync();

        Assert.Contains(_container!.Name, Store.Location, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", Store.Location, StringComparison.OrdinalIgnoreCase);
        Assert.True((await _container.ExistsAsync()).Value);
    }

    public void Dispose() => _container?.DeleteIfExists();
}

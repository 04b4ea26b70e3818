using Ercot.Core.Storage;
using Ercot.Tests.Infrastructure;

namespace Ercot.Tests.Core.Storage;

public sealed class LocalArtifactStoreTests : ArtifactStoreContract, IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public LocalArtifactStoreTests() => Store = new LocalArtifactStore(_folder.Path);

    protected override IArtifactStore Store { get; }

    [Fact]
    public async Task Write_LeavesNoStagingFileBehind()
    {
        await Store.WriteAsync("models/champion.json", new MemoryStream([1, 2, 3]));

        var staging = Path.Combine(_folder.Path, ".staging");
        Assert.Empty(Directory.EnumerateFiles(staging));
    }

    public void Dispose() => _folder.Dispose();
}

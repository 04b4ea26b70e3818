using System.Text;
using Ercot.Core.Storage;

namespace Ercot.Tests.Core.Storage;

/// <summary>
/// What every artifact store promises, run against each implementation: the local folder and
/// Azure Blob (on a real Azurite). A later service may swap one for the other without noticing.
/// </summary>
public abstract class ArtifactStoreContract
{
    protected abstract IArtifactStore Store { get; }

    /// <summary>Why this implementation cannot run here, or <see langword="null"/> when it can.</summary>
    protected virtual string? SkipReason => null;

    [SkippableFact]
    public async Task Write_ThenRead_ReturnsTheSameBytes()
    {
        SkipUnlessAvailable();
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();

        await Store.WriteAsync("models/lightgbm/v1/model.zip", new MemoryStream(bytes));

        Assert.Equal(bytes, await ReadAllAsync("models/lightgbm/v1/model.zip"));
        var info = await Store.TryGetInfoAsync("models/lightgbm/v1/model.zip");
        Assert.NotNull(info);
        Assert.Equal(bytes.Length, info.Length);
    }

    [SkippableFact]
    public async Task MissingObject_ReadsAsNull_AndDeletesAsFalse()
    {
        SkipUnlessAvailable();

        Assert.Null(await Store.TryOpenReadAsync("models/champion.json"));
        Assert.Null(await Store.TryGetInfoAsync("models/champion.json"));
        Assert.False(await Store.DeleteAsync("models/champion.json"));
    }

    [SkippableFact]
    public async Task Overwrite_WithShorterContent_LeavesOnlyTheNewContent()
    {
        SkipUnlessAvailable();
        await WriteTextAsync("models/champion.json", "{\"lightgbm\":\"v1-a-rather-long-version-name\"}");

        await WriteTextAsync("models/champion.json", "{\"lightgbm\":\"v2\"}");

        Assert.Equal("{\"lightgbm\":\"v2\"}", await ReadTextAsync("models/champion.json"));
    }

    [SkippableFact]
    public async Task List_ReturnsObjectsUnderThePrefix_InOrdinalOrder()
    {
        SkipUnlessAvailable();
        foreach (var path in new[] { "models/xgboost/v1/model.ubj", "features/schema.json", "models/lightgbm/v2/model.zip", "models/lightgbm/v10/model.zip" })
        {
            await WriteTextAsync(path, path);
        }

        var models = await ListAsync("models/");
        var everything = await ListAsync("");

        Assert.Equal(["models/lightgbm/v10/model.zip", "models/lightgbm/v2/model.zip", "models/xgboost/v1/model.ubj"], models);
        Assert.Equal(4, everything.Count);
        Assert.Equal("features/schema.json", everything[0]);
    }

    [SkippableFact]
    public async Task Delete_RemovesTheObject()
    {
        SkipUnlessAvailable();
        await WriteTextAsync("features/schema.json", "{}");

        Assert.True(await Store.DeleteAsync("features/schema.json"));

        Assert.Null(await Store.TryOpenReadAsync("features/schema.json"));
        Assert.Empty(await ListAsync(""));
    }

    [SkippableFact]
    public async Task FailedWrite_LeavesThePreviousContent_AndNoStrayObject()
    {
        SkipUnlessAvailable();
        await WriteTextAsync("models/champion.json", "old");

        await Assert.ThrowsAsync<IOException>(() =>
            Store.WriteAsync("models/champion.json", new FailingStream(bytesBeforeFailure: 10_000)));

        Assert.Equal("old", await ReadTextAsync("models/champion.json"));
        Assert.Equal(["models/champion.json"], await ListAsync(""));
    }

    [SkippableFact]
    public async Task Readers_DuringRepeatedReplaces_SeeOnlyWholeVersions()
    {
        SkipUnlessAvailable();
        const int size = 64 * 1024;
        byte[] Version(char fill) => Encoding.ASCII.GetBytes(new string(fill, size));
        await Store.WriteAsync("features/part.bin", new MemoryStream(Version('a')));

        using var done = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 30; i++)
            {
                await Store.WriteAsync("features/part.bin", new MemoryStream(Version(i % 2 == 0 ? 'b' : 'a')));
            }
            await done.CancelAsync();
        });
        var torn = 0;
        var reads = 0;
        while (!done.IsCancellationRequested)
        {
            var bytes = await ReadAllAsync("features/part.bin");
            reads++;
            if (bytes.Length != size || bytes.Any(b => b != bytes[0]))
            {
                torn++;
            }
        }
        await writer;

        Assert.True(reads > 0);
        Assert.Equal(0, torn);
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("/models/champion.json")]
    [InlineData("models//champion.json")]
    [InlineData("models/../secrets.txt")]
    [InlineData("models\\champion.json")]
    [InlineData(".staging/x.tmp")]
    [InlineData("models/champion.json/")]
    public async Task InvalidPath_IsRejected_WithThePathInTheMessage(string path)
    {
        SkipUnlessAvailable();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.WriteAsync(path, new MemoryStream([1])));

        Assert.Contains($"'{path}'", error.Message, StringComparison.Ordinal);
    }

    private void SkipUnlessAvailable() => Skip.If(SkipReason is not null, SkipReason);

    private Task WriteTextAsync(string path, string text) => Store.WriteAsync(path, new MemoryStream(Encoding.UTF8.GetBytes(text)));

    private async Task<string> ReadTextAsync(string path) => Encoding.UTF8.GetString(await ReadAllAsync(path));

    private async Task<byte[]> ReadAllAsync(string path)
    {
        await using var stream = await Store.TryOpenReadAsync(path) ?? throw new Xunit.Sdk.XunitException($"{path} is missing");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private async Task<List<string>> ListAsync(string prefix)
    {
        var paths = new List<string>();
        await foreach (var info in Store.ListAsync(prefix))
        {
            paths.Add(info.Path);
        }
        return paths;
    }

    /// <summary>A non-seekable upload source that breaks part-way, as a dropped network read would.</summary>
    private sealed class FailingStream(int bytesBeforeFailure) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= bytesBeforeFailure)
            {
                throw new IOException("simulated failure while reading the upload source");
            }
            var n = Math.Min(count, bytesBeforeFailure - _position);
            Array.Fill(buffer, (byte)'x', offset, n);
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

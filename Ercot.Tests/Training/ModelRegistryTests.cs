using Ercot.Core.Models;
using Ercot.Core.Storage;
using Ercot.Tests.Infrastructure;
using Ercot.Models.Registry;

namespace Ercot.Tests.Training;

public sealed class ModelRegistryTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    private static ModelMetadata Metadata(string version, ModelRole role, double mae = 10) => new(
        "lightgbm", version, DateTimeOffset.UnixEpoch, "model.zip", "abc123", ["f1", "f2"],
        new DateRange(new(2024, 1, 1), new(2024, 8, 31)), new DateRange(new(2024, 9, 2), new(2024, 9, 30)), new DateRange(new(2024, 10, 2), new(2024, 12, 31)),
        new Dictionary<string, string> { ["leaves"] = "31" }, new Dictionary<string, double> { ["mae"] = mae }, new Dictionary<string, double> { ["mae"] = mae + 1 },
        new Dictionary<string, string> { ["Microsoft.ML"] = "5.0.1" }, "2 cores", 1.5, role, "test");

    private static Func<Stream> File(string text) => () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task PublishingAChampion_WritesTheModelItsMetadataAndThenThePointer()
    {
        var registry = new ModelRegistry(new LocalArtifactStore(_folder.Path));

        await registry.PublishAsync(Metadata("v1", ModelRole.Champion, mae: 9.5), File("model bytes"));

        var champions = await registry.ReadChampionsAsync();
        Assert.Equal("v1", champions.Models["lightgbm"].Version);
        Assert.Equal(9.5, champions.Models["lightgbm"].ValidationMae);
        var metadata = await registry.ReadMetadataAsync("lightgbm", "v1");
        Assert.Equal(["f1", "f2"], metadata!.Features);
        await using var model = await registry.OpenModelFileAsync(metadata);
        Assert.Equal("model bytes", await new StreamReader(model!).ReadToEndAsync());
    }

    [Fact]
    public async Task PublishingAChallenger_KeepsTheChampion()
    {
        var registry = new ModelRegistry(new LocalArtifactStore(_folder.Path));
        await registry.PublishAsync(Metadata("v1", ModelRole.Champion), File("one"));

        await registry.PublishAsync(Metadata("v2", ModelRole.Challenger), File("two"));

        Assert.Equal("v1", (await registry.ReadChampionsAsync()).Models["lightgbm"].Version);
        Assert.Equal(["v1", "v2"], await registry.VersionsAsync("lightgbm"));
    }

    [Theory]
    [InlineData("model.zip")]
    [InlineData("metadata.json")]
    [InlineData("champion.json")]
    public async Task APublishKilledAtAnyWrite_LeavesThePointerOnACompleteVersion(string killedAt)
    {
        var store = new LocalArtifactStore(_folder.Path);
        await new ModelRegistry(store).PublishAsync(Metadata("v1", ModelRole.Champion), File("one"));
        var dying = new ModelRegistry(new DyingStore(store, killedAt));

        await Assert.ThrowsAsync<OperationCanceledException>(() => dying.PublishAsync(Metadata("v2", ModelRole.Champion), File("two")));

        var registry = new ModelRegistry(store);
        var champion = (await registry.ReadChampionsAsync()).Models["lightgbm"].Version;
        Assert.Equal("v1", champion);
        Assert.NotNull(await registry.ReadMetadataAsync("lightgbm", champion));
        await using var file = await registry.OpenModelFileAsync((await registry.ReadMetadataAsync("lightgbm", champion))!);
        Assert.Equal("one", await new StreamReader(file!).ReadToEndAsync());
        Assert.Equal(killedAt == "champion.json" ? ["v1", "v2"] : ["v1"], await registry.VersionsAsync("lightgbm"));
    }

    [Theory]
    [InlineData(9.0, 10.0, 9.8, null, true)]
    [InlineData(9.0, 10.0, 9.8, 9.5, true)]
    [InlineData(9.0, 10.0, 9.8, 8.9, false)]
    [InlineData(9.0, 10.0, 8.95, null, false)]
    [InlineData(10.0, 10.0, 11.0, null, false)]
    [InlineData(double.NaN, 10.0, 9.8, null, false)]
    public void ChampionRule_NeedsToBeatZeroTheConstantAndTheChampionOnTheSameRows(double candidate, double zero, double constant, double? champion, bool expected)
    {
        var (isChampion, reason) = ChampionRule.Decide(candidate, zero, constant, champion);

        Assert.Equal(expected, isChampion);
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>A store whose process "dies" (is cancelled) when it is about to write a given file.</summary>
    private sealed class DyingStore(IArtifactStore inner, string dieBeforeWriting) : IArtifactStore
    {
        public string Location => inner.Location;

        public Task WriteAsync(string path, Stream content, CancellationToken cancellationToken = default) =>
            path.EndsWith(dieBeforeWriting, StringComparison.Ordinal)
                ? throw new OperationCanceledException($"killed before writing {path}")
                : inner.WriteAsync(path, content, cancellationToken);

        public Task<Stream?> TryOpenReadAsync(string path, CancellationToken cancellationToken = default) => inner.TryOpenReadAsync(path, cancellationToken);

        public Task<ArtifactInfo?> TryGetInfoAsync(string path, CancellationToken cancellationToken = default) => inner.TryGetInfoAsync(path, cancellationToken);

        public IAsyncEnumerable<ArtifactInfo> ListAsync(string prefix = "", CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

        public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);

        public Task EnsureReachableAsync(CancellationToken cancellationToken = default) => inner.EnsureReachableAsync(cancellationToken);
    }
}

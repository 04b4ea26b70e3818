using Ercot.Core.Models;
using Ercot.Core.Storage;
using Ercot.Tests.Infrastructure;
using Ercot.Models.Registry;

namespace Ercot.Tests.Training;

public sealed class ModelRegistryTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    private static ModelMetadata Metadata(string version, ModelRole role, double mae = 10, string model = "lightgbm", string schema = "abc123") => new(
        model, version, DateTimeOffset.UnixEpoch, "model.zip", schema, ["f1", "f2"],
        new DateRange(new(2024, 1, 1), new(2024, 8, 31)), new DateRange(new(2024, 9, 2), new(2024, 9, 30)), new DateRange(new(2024, 10, 2), new(2024, 12, 31)),
        new Dictionary<string, string> { ["leaves"] = "31" }, new Dictionary<string, double> { ["mae"] = mae }, new Dictionary<string, double> { ["mae"] = mae + 1 },
        new Dictionary<string, string> { ["Microsoft.ML"] = "5.0.1" }, "2 cores", 1.5, role, "test");

    private static Func<Stream> File(string text = "bytes") => () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));

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
    [InlineData("history.jsonl")]
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
        Assert.Equal(killedAt is "champion.json" or "history.jsonl" ? ["v1", "v2"] : ["v1"], await registry.VersionsAsync("lightgbm"));
        // The decision is on record before the pointer moves: killed between the two, the history has it and the pointer does not.
        var decided = (await registry.HistoryAsync()).SelectMany(entry => entry.Decisions).Any(decision => decision.Version == "v2");
        Assert.Equal(killedAt == "champion.json", decided);
    }

    [Fact]
    public async Task Rollback_RestoresTheSetTheLastChangeReplaced_ThenRefusesPastTheFirst()
    {
        var registry = new ModelRegistry(new LocalArtifactStore(_folder.Path));
        await registry.PublishAsync(Metadata("v1", ModelRole.Champion), File());
        await registry.PublishAsync([(Metadata("v2", ModelRole.Champion), File("two"), null), (Metadata("x2", ModelRole.Champion, model: "xgboost"), File("x"), null)]);
        await registry.PublishAsync(Metadata("v3", ModelRole.Challenger), File("three"));

        var rolledBack = await registry.RollbackAsync(DateTimeOffset.UnixEpoch);
        var refused = await Assert.ThrowsAsync<RegistryException>(() => registry.RollbackAsync(DateTimeOffset.UnixEpoch));

        Assert.Equal(RegistryEvent.Rollback, rolledBack.Action);
        var champions = await registry.ReadChampionsAsync();
        Assert.Equal(["lightgbm"], champions.Models.Keys);           // the whole set the run replaced, xgboost included
        Assert.Equal("v1", champions.Models["lightgbm"].Version);
        Assert.Contains("were the first", refused.Message, StringComparison.Ordinal);
        Assert.False(refused.NotFound);
        Assert.Equal([RegistryEvent.TrainingRun, RegistryEvent.TrainingRun, RegistryEvent.TrainingRun, RegistryEvent.Rollback],
            (await registry.HistoryAsync()).Select(entry => entry.Action));
    }

    [Fact]
    public async Task Rollback_WithNoChampion_IsRefusedSayingSo()
    {
        var error = await Assert.ThrowsAsync<RegistryException>(() => new ModelRegistry(new LocalArtifactStore(_folder.Path)).RollbackAsync(DateTimeOffset.UnixEpoch));

        Assert.Contains("no champion to roll back", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_ServesTheChosenVersion_RecordsTheOperator_AndRefusesUnknownOrMismatchedVersions()
    {
        var registry = new ModelRegistry(new LocalArtifactStore(_folder.Path));
        await registry.PublishAsync(Metadata("v1", ModelRole.Champion), File());
        await registry.PublishAsync(Metadata("v2", ModelRole.Challenger), File());
        await registry.PublishAsync(Metadata("x1", ModelRole.Challenger, model: "xgboost", schema: "other"), File());

        await registry.PromoteAsync("lightgbm", "v2", "promoted by ops", DateTimeOffset.UnixEpoch);
        var unknown = await Assert.ThrowsAsync<RegistryException>(() => registry.PromoteAsync("lightgbm", "v9", "x", DateTimeOffset.UnixEpoch));
        var mismatched = await Assert.ThrowsAsync<RegistryException>(() => registry.PromoteAsync("xgboost", "x1", "x", DateTimeOffset.UnixEpoch));

        Assert.Equal("v2", (await registry.ReadChampionsAsync()).Models["lightgbm"].Version);
        Assert.Equal("promoted by ops", (await registry.HistoryAsync())[^1].Decisions.Single().Reason);
        Assert.True(unknown.NotFound);
        Assert.Contains("v9", unknown.Message, StringComparison.Ordinal);
        Assert.False(mismatched.NotFound);
        Assert.Contains("schema", mismatched.Message, StringComparison.Ordinal);
        await registry.RollbackAsync(DateTimeOffset.UnixEpoch);
        Assert.Equal("v1", (await registry.ReadChampionsAsync()).Models["lightgbm"].Version);
    }

    [Theory]
    [InlineData(0.30, true, "beats the champion")]       // 30% better every day: clear
    [InlineData(0.002, false, "is not 0.5% below")]      // better, but within the margin
    [InlineData(0.02, false, "not significant")]         // 2% better on average, but each day ±50% at random
    public void ChampionRule_NeedsTheMarginAndASignificantDieboldMarianoTestAgainstTheChampion(double gain, bool promoted, string reason)
    {
        var random = new Random(4);
        var days = Enumerable.Range(0, 60 * 24).Select(i => new DateOnly(2025, 1, 1).AddDays(i / 24)).ToArray();
        var actual = days.Select(_ => random.NextDouble() * 40 - 20).ToArray();
        var championError = actual.Select(_ => 4 + random.NextDouble() * 4).ToArray();
        var dayNoise = Enumerable.Range(0, 60).Select(_ => reason == "not significant" ? random.NextDouble() - 0.5 : 0).ToArray();
        var meanNoise = dayNoise.Average();
        dayNoise = [.. dayNoise.Select(noise => noise - meanNoise)];
        var candidateError = championError.Select((error, i) => error * (1 - gain + dayNoise[i / 24])).ToArray();
        double[] champion = [.. actual.Select((y, i) => y + championError[i])];
        double[] candidate = [.. actual.Select((y, i) => y - candidateError[i])];
        double[] constant = [.. actual.Select(y => y + 30)];

        var (role, why, evidence) = ChampionRule.Decide(actual, candidate, constant, days,
            new ChampionComparison(actual, candidate, champion, days, "the test rows"), null, ChampionPolicy.Default);

        Assert.Equal(promoted, role == ModelRole.Champion);
        Assert.Contains(reason, why, StringComparison.Ordinal);
        Assert.Equal(60, evidence.Days);
        Assert.NotNull(evidence.DmPValue);
    }

    [Theory]
    [InlineData(9.0, 10.0, 9.8, true)]
    [InlineData(9.0, 10.0, 8.95, false)]
    [InlineData(10.0, 10.0, 11.0, false)]
    public void ChampionRule_WithoutAChampion_NeedsToBeatZeroAndTheConstant(double candidate, double zero, double constant, bool expected)
    {
        // Rows whose MAEs are exactly the numbers given: actual ±zero, forecasts off by their MAE.
        DateOnly[] days = [new(2025, 1, 1), new(2025, 1, 2)];
        double[] actual = [zero, -zero];

        var (role, reason, _) = ChampionRule.Decide(actual, [zero - candidate, -zero + candidate], [zero + constant, -zero - constant], days, null, null, ChampionPolicy.Default);

        Assert.Equal(expected, role == ModelRole.Champion);
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Fact]
    public void ChampionRule_WithAChampionFittedOnEveryRow_SaysSoAndServesTheCandidateInShadow()
    {
        DateOnly[] days = [new(2025, 1, 1), new(2025, 1, 2)];
        double[] actual = [10, -10];

        var (role, reason, evidence) = ChampionRule.Decide(actual, [9, -9], [0, 0], days, null,
            "the champion was fitted through 2025-01-31", ChampionPolicy.Default);

        Assert.Equal(ModelRole.Shadow, role);
        Assert.Contains("fitted through 2025-01-31", reason, StringComparison.Ordinal);
        Assert.Contains("shadow", reason, StringComparison.Ordinal);
        Assert.Null(evidence.ChampionMae);
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

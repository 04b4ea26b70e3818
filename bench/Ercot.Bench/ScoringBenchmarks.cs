using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Ercot.Inference.Scoring;

namespace Ercot.Bench;

/// <summary>
/// BenchmarkDotNet over the scorer: a single-row request per model and for the ensemble, and a
/// 10k-row ensemble batch. It runs in this process (the champions are loaded once, by Program) and
/// reports the mean and median per call and the bytes allocated per call.
/// </summary>
[Config(typeof(InProcessConfig))]
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private ScoreRequest[] _single = [];
    private ScoreRequest _batch = new(LoadedModels.Ensemble, []);
    private int _next;

    /// <summary>Set by Program before the run.</summary>
    internal static LoadedModels Models { get; set; } = null!;

    internal static ScoreRow[] Rows { get; set; } = [];

    [ParamsSource(nameof(ModelNames))]
    public string Model { get; set; } = LoadedModels.Ensemble;

    public static IEnumerable<string> ModelNames() => Workload.ModelChoices(Models);

    [GlobalSetup]
    public void Setup()
    {
        // Every December row in turn, so that no one row's path through the trees stays in the cache.
        _single = [.. Rows.Select(row => new ScoreRequest(Model, [row]))];
        _batch = new ScoreRequest(Model, [.. Enumerable.Range(0, 10_000).Select(i => Rows[i % Rows.Length])]);
    }

    [Benchmark(Description = "single row")]
    public ScoreResponse SingleRow() => Scorer.Score(_single[_next++ % _single.Length], Models);

    [Benchmark(Description = "10k-row batch")]
    public ScoreResponse Batch() => Scorer.Score(_batch, Models);

    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig()
        {
            // In process: the champions, libxgboost and libtorch are loaded once, not rebuilt into a generated project.
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15));
            WithArtifactsPath(Path.Combine(".tools", "bench", "BenchmarkDotNet.Artifacts"));
        }
    }
}

using Ercot.Core.Storage;
using Ercot.Inference.Scoring;
using Ercot.Models.Registry;
using Ercot.Models;

namespace Ercot.Bench;

/// <summary>What the benchmarks score: the registry's champions and December 2024's feature rows.</summary>
internal static class Workload
{
    public static async Task<LoadedModels> LoadChampionsAsync(IArtifactStore artifacts)
    {
        var registry = new ModelRegistry(artifacts);
        var loaded = new Dictionary<string, LoadedModel>();
        foreach (var (name, entry) in (await registry.ReadChampionsAsync()).Models)
        {
            var metadata = (await registry.ReadMetadataAsync(name, entry.Version))!;
            await using var file = (await registry.OpenModelFileAsync(metadata))!;
            loaded[name] = new LoadedModel(metadata, DartModels.Load(name, file, metadata.Features.Count));
        }
        return new LoadedModels(loaded, "bench");
    }

    /// <summary>December 2024's feature rows, and the feature names in the order of their values.</summary>
    public static async Task<(ScoreRow[] Rows, IReadOnlyList<string> Features)> FeatureRowsAsync(IArtifactStore artifacts)
    {
        var (data, _) = await new FeatureStoreReader(artifacts).LoadAsync(new(2024, 12, 1), new(2024, 12, 31), withTargetOnly: false, settlementPoint: null);
        return ([.. Enumerable.Range(0, data.Count).Select(i => new ScoreRow(data.Points[i], data.HoursUtc[i], data.Row(i).ToArray()))], data.FeatureNames);
    }

    /// <summary>What a request can ask for: each model, then the ensemble.</summary>
    public static IEnumerable<string> ModelChoices(LoadedModels models) => models.Models.Keys.Append(LoadedModels.Ensemble);

    /// <summary>p50 and p99 of latencies in microseconds.</summary>
    public static string Percentiles(List<double> microseconds)
    {
        microseconds.Sort();
        double At(double q) => microseconds[(int)Math.Min(microseconds.Count - 1, Math.Round(q * (microseconds.Count - 1)))];
        return $"p50 {At(0.50),8:F1} µs   p99 {At(0.99),8:F1} µs   ({microseconds.Count:N0} calls)";
    }
}

using System.Text.Json;
using BenchmarkDotNet.Running;
using Ercot.Bench;
using Ercot.Core.Storage;

// Scoring benchmark, on the registry's champions and real feature rows.
//   inprocess ARTIFACTS          BenchmarkDotNet (single row per model and ensemble, 10k-row batch), then per-call p50/p99
//   http GATEWAY KEY ARTIFACTS   single-row /score through the gateway at 500 and 1,000 requests/s (open loop)
//   body ARTIFACTS FILE          writes one single-row /score request to FILE, for wrk's flat-out run
//   desk GATEWAY KEY RUNS [DATE]  the desk's Tomorrow page in Chromium, from sign-in to every chart drawn
var mode = args.ElementAtOrDefault(0) ?? "inprocess";
if (mode == "desk")
{
    await DeskBenchmark.RunAsync(new Uri(args[1]), args[2], int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), args.ElementAtOrDefault(4));
    return;
}
var artifacts = new LocalArtifactStore(args[mode == "http" ? 3 : 1]);
var (rows, features) = await Workload.FeatureRowsAsync(artifacts);

switch (mode)
{
    // The HTTP client only sends rows: it loads no model, so that its own heap stays small and out of the latencies.
    case "http":
        await HttpBenchmark.RunAsync(new Uri(args[1]), args[2], features, rows);
        break;
    case "body":
        await File.WriteAllTextAsync(args[2], JsonSerializer.Serialize(HttpBenchmark.Body(rows[0], features)));
        break;
    default:
        using (var models = await Workload.LoadChampionsAsync(artifacts))
        {
            ScoringBenchmarks.Models = models;
            ScoringBenchmarks.Rows = rows;
            BenchmarkRunner.Run<ScoringBenchmarks>();
            LatencyDistribution.Run(models, rows);
        }
        break;
}

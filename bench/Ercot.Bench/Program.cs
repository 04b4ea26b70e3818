using Ercot.Bench;
using Ercot.Core.Storage;

// Scoring benchmark. "inprocess ARTIFACTS": single-row latency per model and for the ensemble, and a
// 10k-row batch, on the registry's champions and real feature rows. "http GATEWAY KEY ARTIFACTS":
// single-row /score through the gateway at 500 and 1,000 requests/s, then flat out.
var mode = args.ElementAtOrDefault(0) ?? "inprocess";
var artifacts = new LocalArtifactStore(args[mode == "http" ? 3 : 1]);
using var models = await Workload.LoadChampionsAsync(artifacts);
var rows = await Workload.FeatureRowsAsync(artifacts);

if (mode == "http")
{
    await HttpBenchmark.RunAsync(new Uri(args[1]), args[2], models, rows);
}
else
{
    InProcessBenchmark.Run(models, rows);
}

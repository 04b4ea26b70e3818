using System.Diagnostics;
using System.Net.Http.Json;
using Ercot.Core.Storage;
using Ercot.Inference.Scoring;
using Ercot.Training.Registry;
using Ercot.Training.Trainers;

// Scoring benchmark. "inprocess ARTIFACTS": single-row latency per model and for the ensemble, and a
// 10k-row batch, on the registry's champions and real feature rows. "http GATEWAY KEY ARTIFACTS":
// single-row /score through the gateway at 500 and 1,000 requests/s, then flat out.
var mode = args.ElementAtOrDefault(0) ?? "inprocess";
var artifacts = new LocalArtifactStore(args[mode == "http" ? 3 : 1]);
var registry = new ModelRegistry(artifacts);
var loaded = new Dictionary<string, LoadedModel>();
foreach (var (name, entry) in (await registry.ReadChampionsAsync()).Models)
{
    var metadata = (await registry.ReadMetadataAsync(name, entry.Version))!;
    await using var file = (await registry.OpenModelFileAsync(metadata))!;
    loaded[name] = new LoadedModel(metadata, DartModels.Load(name, file, metadata.Features.Count));
}
using var models = new LoadedModels(loaded, "bench");
var (data, _) = await new FeatureStoreReader(artifacts).LoadAsync(new(2024, 12, 1), new(2024, 12, 31), withTargetOnly: false, settlementPoint: null);
var rows = Enumerable.Range(0, data.Count).Select(i => new ScoreRow(data.Points[i], data.HoursUtc[i], data.Row(i).ToArray())).ToArray();

static string Percentiles(List<double> microseconds)
{
    microseconds.Sort();
    double At(double q) => microseconds[(int)Math.Min(microseconds.Count - 1, Math.Round(q * (microseconds.Count - 1)))];
    return $"p50 {At(0.50),8:F1} µs   p99 {At(0.99),8:F1} µs   ({microseconds.Count:N0} calls)";
}

if (mode == "inprocess")
{
    foreach (var name in models.Models.Keys.Append(LoadedModels.Ensemble))
    {
        var timings = new List<double>();
        for (var i = 0; i < 22_000; i++)
        {
            var row = rows[i % rows.Length];
            var start = Stopwatch.GetTimestamp();
            Scorer.Score(new ScoreRequest(name, [row]), models);
            if (i >= 2_000)
            {
                timings.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }
        Console.WriteLine($"single row, {name,-9} {Percentiles(timings)}");
    }
    var batch = new ScoreRequest(LoadedModels.Ensemble, [.. Enumerable.Range(0, 10_000).Select(i => rows[i % rows.Length])]);
    var batches = new List<double>();
    for (var i = 0; i < 7; i++)
    {
        var start = Stopwatch.GetTimestamp();
        Scorer.Score(batch, models);
        batches.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }
    batches.Sort();
    Console.WriteLine($"10k-row batch, ensemble: median {batches[3]:F1} ms (of 7; min {batches[0]:F1}, max {batches[^1]:F1})");
    return;
}

var gateway = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(args[1]) };
gateway.DefaultRequestHeaders.Add("X-Api-Key", args[2]);
var names = models.Features;
object Body(ScoreRow row) => new
{
    rows = new[] { new { settlementPoint = row.SettlementPoint, deliveryHour = row.DeliveryHourUtc, features = names.Select((n, f) => (n, v: row.Features[f])).ToDictionary(p => p.n, p => float.IsFinite(p.v) ? (double?)p.v : null) } },
};
var bodies = rows.Take(500).Select(row => JsonContent.Create(Body(row))).ToArray();
foreach (var body in bodies)
{
    await body.LoadIntoBufferAsync();
}
async Task<(double Latency, bool Ok)> Call(int i)
{
    var start = Stopwatch.GetTimestamp();
    using var response = await gateway.PostAsync("/score", bodies[i % bodies.Length]);
    return (Stopwatch.GetElapsedTime(start).TotalMicroseconds, response.IsSuccessStatusCode);
}
for (var i = 0; i < 500; i++)
{
    await Call(i);
}
foreach (var rate in new[] { 500, 1_000 })
{
    var calls = new List<Task<(double Latency, bool Ok)>>();
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < rate * 10; i++)
    {
        var due = TimeSpan.FromSeconds((double)i / rate);
        if (due > clock.Elapsed)
        {
            await Task.Delay(due - clock.Elapsed);
        }
        calls.Add(Call(i));
    }
    var results = await Task.WhenAll(calls);
    Console.WriteLine($"{rate,5} req/s for 10 s: {Percentiles([.. results.Select(r => r.Latency)])}, {results.Count(r => !r.Ok)} failed");
}
var peak = Stopwatch.StartNew();
var done = 0;
var failed = 0;
await Task.WhenAll(Enumerable.Range(0, 32).Select(async worker =>
{
    for (var i = worker; peak.Elapsed < TimeSpan.FromSeconds(10); i += 32)
    {
        var (_, ok) = await Call(i);
        Interlocked.Increment(ref done);
        if (!ok)
        {
            Interlocked.Increment(ref failed);
        }
    }
}));
Console.WriteLine($"peak (32 concurrent, 10 s): {done / peak.Elapsed.TotalSeconds:N0} req/s, {failed} failed");

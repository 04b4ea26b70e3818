using System.Diagnostics;
using System.Net.Http.Json;
using Ercot.Inference.Scoring;

namespace Ercot.Bench;

/// <summary>Single-row /score through the gateway at fixed rates, then flat out with 32 concurrent clients.</summary>
internal static class HttpBenchmark
{
    public static async Task RunAsync(Uri gatewayUri, string key, LoadedModels models, ScoreRow[] rows)
    {
        var gateway = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = gatewayUri };
        gateway.DefaultRequestHeaders.Add("X-Api-Key", key);
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
            Console.WriteLine($"{rate,5} req/s for 10 s: {Workload.Percentiles([.. results.Select(r => r.Latency)])}, {results.Count(r => !r.Ok)} failed");
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
    }
}

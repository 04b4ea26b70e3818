using System.Diagnostics;
using System.Net.Http.Json;
using Ercot.Inference.Scoring;

namespace Ercot.Bench;

/// <summary>
/// Single-row <c>/score</c> through the gateway, open loop: requests leave on a fixed schedule whatever
/// the answers do (so a slow answer cannot hide the queue behind it), at 500 and then 1,000 per second.
/// </summary>
internal static class HttpBenchmark
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);

    public static async Task RunAsync(Uri gatewayUri, string key, IReadOnlyList<string> features, ScoreRow[] rows)
    {
        using var gateway = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = gatewayUri };
        gateway.DefaultRequestHeaders.Add("X-Api-Key", key);
        var bodies = rows.Take(1_000).Select(row => JsonContent.Create(Body(row, features))).ToArray();
        foreach (var body in bodies)
        {
            await body.LoadIntoBufferAsync();
        }

        async Task<(double Microseconds, bool Ok)> Call(int i)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await gateway.PostAsync("/score", bodies[i % bodies.Length]);
            return (Stopwatch.GetElapsedTime(start).TotalMicroseconds, response.IsSuccessStatusCode);
        }

        // This client's own warm-up (bench/score.sh has warmed the services up).
        for (var i = 0; i < 1_000; i++)
        {
            await Call(i);
        }
        foreach (var rate in new[] { 500, 1_000 })
        {
            var total = (int)(rate * Duration.TotalSeconds);
            var calls = new Task<(double Microseconds, bool Ok)>[total];
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < total; i++)
            {
                var due = TimeSpan.FromSeconds((double)i / rate);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }
                calls[i] = Call(i);
            }
            var results = await Task.WhenAll(calls);
            var sent = total / clock.Elapsed.TotalSeconds;
            Console.WriteLine($"{rate,5} req/s for {Duration.TotalSeconds:N0} s ({sent:N0} sent/s): " +
                $"{Workload.Percentiles([.. results.Select(r => r.Microseconds)])}, {results.Count(r => !r.Ok)} failed");
        }
    }

    /// <summary>A single-row request in the shape, as the load generators send it.</summary>
    public static object Body(ScoreRow row, IReadOnlyList<string> features) => new
    {
        model = LoadedModels.Ensemble,
        rows = new[]
        {
            new
            {
                settlementPoint = row.SettlementPoint,
                deliveryHour = row.DeliveryHourUtc,
                features = features.Select((name, f) => (name, value: row.Features[f]))
                    .ToDictionary(pair => pair.name, pair => float.IsFinite(pair.value) ? (double?)pair.value : null),
            },
        },
    };
}

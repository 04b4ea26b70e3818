using System.Diagnostics;
using Ercot.Inference.Scoring;

namespace Ercot.Bench;

/// <summary>
/// The tail BenchmarkDotNet does not show: each single-row call timed on its own (20,000 after 2,000
/// warm-up calls) per model and for the ensemble, reported as p50 and p99.
/// </summary>
internal static class LatencyDistribution
{
    public static void Run(LoadedModels models, ScoreRow[] rows)
    {
        foreach (var name in Workload.ModelChoices(models))
        {
            var requests = rows.Select(row => new ScoreRequest(name, [row])).ToArray();
            var timings = new List<double>(20_000);
            for (var i = 0; i < 22_000; i++)
            {
                var start = Stopwatch.GetTimestamp();
                Scorer.Score(requests[i % requests.Length], models);
                if (i >= 2_000)
                {
                    timings.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                }
            }
            Console.WriteLine($"single row, {name,-9} {Workload.Percentiles(timings)}");
        }
    }
}

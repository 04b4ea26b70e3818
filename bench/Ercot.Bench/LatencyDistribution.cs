using System.Diagnostics;
using Ercot.Inference.Scoring;

namespace Ercot.Bench;

/// <summary>Single-row latency per model and for the ensemble through the scorer, and a 10k-row batch.</summary>
internal static class InProcessBenchmark
{
    public static void Run(LoadedModels models, ScoreRow[] rows)
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
            Console.WriteLine($"single row, {name,-9} {Workload.Percentiles(timings)}");
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
    }
}

using Ercot.Inference.Scoring;

namespace Ercot.Inference.Monitoring;

/// <summary>
/// Keeps the features of the most recently scored rows (a bounded window) and compares each feature's
/// distribution with the training reference stored with the served models: PSI per feature, flagged
/// above <see cref="Threshold"/>.
/// </summary>
public sealed class DriftMonitor
{
    public const double Threshold = 0.2;
    public const int Window = 5_000;

    private readonly Queue<float[]> _rows = new();
    private readonly Lock _lock = new();

    public void Record(IEnumerable<ScoreRow> rows)
    {
        lock (_lock)
        {
            foreach (var row in rows)
            {
                _rows.Enqueue(row.Features);
                if (_rows.Count > Window)
                {
                    _rows.Dequeue();
                }
            }
        }
    }

    public DriftReport? Report(LoadedModels models)
    {
        var source = models.Models.Values.FirstOrDefault(model => model.Metadata.Reference is not null);
        if (source is null)
        {
            return null;
        }
        float[][] rows;
        lock (_lock)
        {
            rows = [.. _rows];
        }
        var features = models.Features
            .Select((name, f) => (name, f))
            .Where(pair => source.Metadata.Reference!.ContainsKey(pair.name))
            .Select(pair =>
            {
                var psi = rows.Length == 0 ? 0 : source.Metadata.Reference![pair.name].Psi(rows.Select(row => row[pair.f]).ToArray());
                return new FeatureDrift(pair.name, Math.Round(psi, 4), psi > Threshold);
            })
            .OrderByDescending(drift => drift.Psi)
            .ToList();
        return new DriftReport(rows.Length, $"{source.Metadata.Model} {source.Metadata.Version}", Threshold, [.. features.Where(f => f.Drifted).Select(f => f.Name)], features);
    }
}

public sealed record FeatureDrift(string Name, double Psi, bool Drifted);

/// <summary>PSI of each feature over the last <see cref="Rows"/> scored rows against the reference of <see cref="Reference"/>.</summary>
public sealed record DriftReport(int Rows, string Reference, double Threshold, IReadOnlyList<string> Drifted, IReadOnlyList<FeatureDrift> Features);

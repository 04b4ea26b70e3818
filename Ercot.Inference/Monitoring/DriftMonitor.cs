using Ercot.Inference.Scoring;

namespace Ercot.Inference.Monitoring;

/// <summary>
/// Keeps the features of the most recently scored rows (a bounded window) and compares each feature's
/// distribution with the training reference stored with the served models: PSI per feature, flagged
/// above <see cref="Threshold"/> — once at least <see cref="MinimumRows"/> rows have been scored. PSI over ten bins of
/// a handful of rows is noise (two rows put 80% of the mass in empty bins), so before that the report says the
/// sample is insufficient and flags nothing.
/// </summary>
public sealed class DriftMonitor
{
    public const double Threshold = 0.2;
    public const int Window = 5_000;
    public const int MinimumRows = 500;

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
        var sufficient = rows.Length >= MinimumRows;
        var features = models.Features
            .Select((name, f) => (name, f))
            .Where(pair => source.Metadata.Reference!.ContainsKey(pair.name))
            .Select(pair =>
            {
                var psi = rows.Length == 0 ? 0 : source.Metadata.Reference![pair.name].Psi(rows.Select(row => row[pair.f]).ToArray());
                return new FeatureDrift(pair.name, Math.Round(psi, 4), sufficient && psi > Threshold);
            })
            .OrderByDescending(drift => drift.Psi)
            .ToList();
        var drifted = features.Where(f => f.Drifted).Select(f => f.Name).ToList();
        var status = !sufficient ? $"insufficient sample: {rows.Length} of the {MinimumRows} scored rows needed before drift is judged"
            : drifted.Count > 0 ? $"{drifted.Count} feature(s) drifted" : "no drift";
        return new DriftReport(rows.Length, MinimumRows, sufficient, status, $"{source.Metadata.Model} {source.Metadata.Version}", Threshold, drifted, features);
    }
}

public sealed record FeatureDrift(string Name, double Psi, bool Drifted);

/// <summary>
/// PSI of each feature over the last <see cref="Rows"/> scored rows against the reference of <see cref="Reference"/>;
/// nothing is flagged until <see cref="Sufficient"/>.
/// </summary>
public sealed record DriftReport(
    int Rows, int MinimumRows, bool Sufficient, string Status, string Reference, double Threshold, IReadOnlyList<string> Drifted, IReadOnlyList<FeatureDrift> Features);

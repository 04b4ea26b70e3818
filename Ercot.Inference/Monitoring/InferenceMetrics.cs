using System.Diagnostics.Metrics;
using Ercot.Inference.Scoring;

namespace Ercot.Inference.Monitoring;

/// <summary>The inference API's OpenTelemetry metrics: request duration, rows scored, predictions per model.</summary>
public sealed class InferenceMetrics
{
    public const string MeterName = "Ercot.Inference";

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _rows;
    private readonly Histogram<double> _predictions;

    public InferenceMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram<double>("ercot.inference.request.duration", "ms", "Time to validate and score one request");
        _rows = meter.CreateCounter<long>("ercot.inference.rows.scored", "{row}", "Rows scored");
        _predictions = meter.CreateHistogram<double>("ercot.inference.prediction", "$/MWh", "Predicted DART, by model");
    }

    public void Record(string endpoint, double milliseconds, ScoreResponse response)
    {
        _duration.Record(milliseconds, new KeyValuePair<string, object?>("endpoint", endpoint));
        _rows.Add(response.Predictions.Count, new KeyValuePair<string, object?>("endpoint", endpoint));
        foreach (var prediction in response.Predictions)
        {
            foreach (var (model, value) in prediction.Models)
            {
                _predictions.Record(value, new KeyValuePair<string, object?>("model", model));
            }
        }
    }
}

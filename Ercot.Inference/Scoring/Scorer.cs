using Ercot.Core.Time;
using Ercot.Training.Trainers;

namespace Ercot.Inference.Scoring;

/// <summary>One scored row: the forecast DART (of the chosen model or the ensemble mean) and every model's value.</summary>
public sealed record ScoredRow(string SettlementPoint, DateTime DeliveryHourUtc, double Dart, IReadOnlyDictionary<string, double> Models);

/// <summary>The response of <c>/score</c>.</summary>
public sealed record ScoreResponse(string Model, IReadOnlyDictionary<string, string> ModelVersions, IReadOnlyList<ScoredRow> Predictions);

/// <summary>Scores a whole request with one batch call per model; the ensemble is the mean of the models.</summary>
public static class Scorer
{
    public static ScoreResponse Score(ScoreRequest request, LoadedModels models)
    {
        var count = request.Rows.Count;
        var featureCount = models.Features.Count;
        var features = new float[count * featureCount];
        for (var i = 0; i < count; i++)
        {
            request.Rows[i].Features.CopyTo(features, i * featureCount);
        }
        var hours = request.Rows.Select(row => ErcotTime.ToErcotHour(row.DeliveryHourUtc)).ToArray();
        var data = new DartDataset(models.Features, features, new float[count],
            [.. request.Rows.Select(row => row.SettlementPoint)], [.. request.Rows.Select(row => row.DeliveryHourUtc)],
            [.. hours.Select(hour => hour.HourEnding)], [.. hours.Select(hour => hour.DeliveryDate)], new double?[count]);

        var used = request.Model == LoadedModels.Ensemble ? models.Models.Keys.ToList() : [request.Model];
        var predictions = used.ToDictionary(name => name, name => models.Models[name].Model.Predict(data));
        var rows = new ScoredRow[count];
        for (var i = 0; i < count; i++)
        {
            var values = predictions.ToDictionary(pair => pair.Key, pair => Math.Round((double)pair.Value[i], 4));
            rows[i] = new ScoredRow(request.Rows[i].SettlementPoint, request.Rows[i].DeliveryHourUtc, Math.Round(values.Values.Average(), 4), values);
        }
        return new ScoreResponse(request.Model, used.ToDictionary(name => name, name => models.Models[name].Metadata.Version), rows);
    }
}

using Ercot.Core.Time;
using Ercot.Models;
using Ercot.Models.Forecasting;

namespace Ercot.Inference.Scoring;

/// <summary>
/// One scored row: the forecast DART (of the chosen model or the ensemble mean), its 80% interval
/// (<paramref name="P10"/>..<paramref name="P90"/>; null when a model was saved before intervals), every model's
/// value, and the inputs the models use that the row lacked (a feed down or late: the forecast leans on what was there).
/// </summary>
public sealed record ScoredRow(
    string SettlementPoint, DateTime DeliveryHourUtc, double Dart, double? P10, double? P90, IReadOnlyDictionary<string, double> Models, IReadOnlyList<string> MissingInputs);

/// <summary>The response of <c>/score</c>.</summary>
public sealed record ScoreResponse(string Model, IReadOnlyDictionary<string, string> ModelVersions, IReadOnlyList<ScoredRow> Predictions);

/// <summary>
/// Scores a request with the chosen model or every champion (the ensemble is their mean, its interval the mean
/// of theirs: each model's split-conformal 80% interval, saved with it, around its own forecast). A few rows
/// go row by row through each model's pooled, thread-safe single-row predictor; more rows go as one
/// batch call per model, which is cheaper per row but costs a fixed set-up per call.
/// </summary>
public static class Scorer
{
    /// <summary>Requests of up to this many rows are predicted row by row.</summary>
    public const int RowByRowLimit = 16;

    public static ScoreResponse Score(ScoreRequest request, LoadedModels models)
    {
        string[] used = request.Model == LoadedModels.Ensemble ? [.. models.Models.Keys] : [request.Model];
        var rows = request.Rows;
        var batch = rows.Count > RowByRowLimit ? Dataset(rows, models.Features) : null;
        var predictions = new float[used.Length][];
        for (var m = 0; m < used.Length; m++)
        {
            var model = models.Models[used[m]].Model;
            predictions[m] = batch is null ? PredictEach(model, rows) : model.Predict(batch);
        }

        var scored = new ScoredRow[rows.Count];
        for (var i = 0; i < scored.Length; i++)
        {
            var values = new Dictionary<string, double>(used.Length);
            var sum = 0.0;
            for (var m = 0; m < used.Length; m++)
            {
                values[used[m]] = Math.Round(predictions[m][i], 4);
                sum += predictions[m][i];
            }
            var interval = Interval(models, used, predictions, i, rows[i]);
            scored[i] = new ScoredRow(rows[i].SettlementPoint, rows[i].DeliveryHourUtc, Math.Round(sum / used.Length, 4),
                interval is { } known ? Math.Round(known.P10, 4) : null, interval is { } same ? Math.Round(same.P90, 4) : null,
                values, models.MissingInputs(rows[i].Features));
        }
        var versions = new Dictionary<string, string>(used.Length);
        foreach (var name in used)
        {
            versions[name] = models.Models[name].Metadata.Version;
        }
        return new ScoreResponse(request.Model, versions, scored);
    }

    /// <summary>The mean of the used models' intervals around their own forecasts of row <paramref name="i"/> (null unless every one has an interval).</summary>
    private static (double P10, double P90)? Interval(LoadedModels models, string[] used, float[][] predictions, int i, ScoreRow row)
    {
        var hourEnding = ErcotTime.ToErcotHour(row.DeliveryHourUtc).HourEnding;
        double low = 0, high = 0;
        for (var m = 0; m < used.Length; m++)
        {
            if (models.Models[used[m]].Model is not DartForecaster forecaster || forecaster.Interval(predictions[m][i], row.Features, hourEnding) is not { } one)
            {
                return null;
            }
            low += one.P10;
            high += one.P90;
        }
        return (low / used.Length, high / used.Length);
    }

    private static float[] PredictEach(IDartModel model, IReadOnlyList<ScoreRow> rows)
    {
        var predictions = new float[rows.Count];
        for (var i = 0; i < predictions.Length; i++)
        {
            predictions[i] = model.Predict(rows[i].SettlementPoint, rows[i].Features);
        }
        return predictions;
    }

    private static DartDataset Dataset(IReadOnlyList<ScoreRow> rows, IReadOnlyList<string> featureNames)
    {
        var count = rows.Count;
        var features = new float[count * featureNames.Count];
        for (var i = 0; i < count; i++)
        {
            rows[i].Features.CopyTo(features, i * featureNames.Count);
        }
        var hours = rows.Select(row => ErcotTime.ToErcotHour(row.DeliveryHourUtc)).ToArray();
        return new DartDataset(featureNames, features, new float[count],
            [.. rows.Select(row => row.SettlementPoint)], [.. rows.Select(row => row.DeliveryHourUtc)],
            [.. hours.Select(hour => hour.HourEnding)], [.. hours.Select(hour => hour.DeliveryDate)], new double?[count]);
    }
}

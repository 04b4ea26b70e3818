using System.Diagnostics.Metrics;
using Ercot.Inference.Monitoring;
using Ercot.Inference.Scoring;
using Ercot.Models;
using Ercot.Tests.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Ercot.Tests.Inference;

/// <summary>
/// The scorer answers a few rows row by row and many rows as one batch per model: a client must get
/// the same forecast for a row either way. And every scored request shows up in the inference metrics.
/// </summary>
public sealed class ScorerTests(ScoreRequestReaderTests.TrainedModels trained) : IClassFixture<ScoreRequestReaderTests.TrainedModels>
{
    private readonly LoadedModels _models = trained.Models;

    private static ScoreRow[] Rows(int count)
    {
        var data = SyntheticDart.Create(count, seed: 9, new(2024, 5, 1));
        return [.. Enumerable.Range(0, count).Select(i => new ScoreRow(data.Points[i], data.HoursUtc[i], data.Row(i).ToArray()))];
    }

    [Fact]
    public void ABatch_ScoresEachRowAsItWouldBeScoredAlone()
    {
        var rows = Rows(Scorer.RowByRowLimit * 3);

        var batch = Scorer.Score(new ScoreRequest(LoadedModels.Ensemble, rows), _models);

        Assert.Equal(rows.Length, batch.Predictions.Count);
        for (var i = 0; i < rows.Length; i++)
        {
            var alone = Scorer.Score(new ScoreRequest(LoadedModels.Ensemble, [rows[i]]), _models).Predictions[0];
            Assert.Equal(rows[i].DeliveryHourUtc, batch.Predictions[i].DeliveryHourUtc);
            foreach (var (model, value) in alone.Models)
            {
                Assert.True(Math.Abs(value - batch.Predictions[i].Models[model]) < 1e-3, $"row {i}, {model}: alone {value}, in a batch {batch.Predictions[i].Models[model]}");
            }
            Assert.Equal(alone.Dart, batch.Predictions[i].Dart, 3);
        }
    }

    [Fact]
    public void OneModel_AnswersWithThatModelOnly()
    {
        var scored = Scorer.Score(new ScoreRequest(LightGbmName, Rows(3)), _models);

        Assert.Equal([LightGbmName], scored.ModelVersions.Keys);
        Assert.All(scored.Predictions, row => Assert.Equal(row.Models[LightGbmName], row.Dart));
    }

    [Fact]
    public void TheEnsemblesInterval_IsTheMeanOfItsModels_AndBracketsItsForecast()
    {
        var rows = Rows(Scorer.RowByRowLimit * 2);

        var ensemble = Scorer.Score(new ScoreRequest(LoadedModels.Ensemble, rows), _models).Predictions;
        var alone = _models.Models.Keys.Select(name => Scorer.Score(new ScoreRequest(name, rows), _models).Predictions).ToList();

        for (var i = 0; i < rows.Length; i++)
        {
            Assert.True(ensemble[i].P10 < ensemble[i].Dart && ensemble[i].Dart < ensemble[i].P90, $"row {i}: {ensemble[i].P10} .. {ensemble[i].Dart} .. {ensemble[i].P90}");
            Assert.Equal(alone.Average(model => model[i].P10!.Value), ensemble[i].P10!.Value, 3);
            Assert.Equal(alone.Average(model => model[i].P90!.Value), ensemble[i].P90!.Value, 3);
        }
    }

    [Fact]
    public void Metrics_CountRowsAndRecordEveryModelsPrediction()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var metrics = new InferenceMetrics(meters);
        using var rowsScored = new MetricCollector<long>(meters, InferenceMetrics.MeterName, "ercot.inference.rows.scored");
        using var predictions = new MetricCollector<double>(meters, InferenceMetrics.MeterName, "ercot.inference.prediction");
        using var duration = new MetricCollector<double>(meters, InferenceMetrics.MeterName, "ercot.inference.request.duration");

        var scored = Scorer.Score(new ScoreRequest(LoadedModels.Ensemble, Rows(5)), _models);
        metrics.Record("score", 1.5, scored);

        Assert.Equal(5, rowsScored.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal("score", rowsScored.LastMeasurement!.Tags["endpoint"]);
        var byModel = predictions.GetMeasurementSnapshot().GroupBy(measurement => (string)measurement.Tags["model"]!).ToDictionary(group => group.Key, group => group.Select(m => m.Value).ToList());
        Assert.Equal(_models.Models.Keys.Order(), byModel.Keys.Order());
        foreach (var (model, values) in byModel)
        {
            Assert.Equal(scored.Predictions.Select(row => row.Models[model]), values);
        }
        Assert.Equal(1.5, Assert.Single(duration.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public void ARowLackingAnInput_IsScored_AndItsAnswerNamesWhatWasMissing()
    {
        var rows = Rows(3);
        var lacking = SyntheticDart.Features[1];
        rows[2].Features[1] = float.NaN;

        var scored = Scorer.Score(new ScoreRequest(LoadedModels.Ensemble, rows), _models);

        Assert.Empty(scored.Predictions[1].MissingInputs);
        Assert.Equal([lacking], scored.Predictions[2].MissingInputs);
        Assert.True(double.IsFinite(scored.Predictions[2].Dart));
    }

    [Fact]
    public void AnInputEveryModelLeftOutOnPurpose_IsNotReportedMissing()
    {
        var left = SyntheticDart.Features[2];
        var model = DartModels.Create(LightGbmName, Ercot.Models.Forecasting.ForecasterOptions.Default with { UnavailableFeatures = new HashSet<string> { left } });
        model.Train(SyntheticDart.Create(800, 1, new(2024, 1, 1)), SyntheticDart.Create(200, 2, new(2024, 3, 1)), 1, CancellationToken.None);
        using var models = new LoadedModels(new Dictionary<string, LoadedModel> { [LightGbmName] = new(_models.Models[LightGbmName].Metadata, model) }, "test");
        var row = Rows(2)[1];
        row.Features[1] = float.NaN;
        row.Features[2] = float.NaN;

        var scored = Scorer.Score(new ScoreRequest(LoadedModels.Ensemble, [row]), models);

        Assert.Equal([SyntheticDart.Features[1]], scored.Predictions[0].MissingInputs);
    }

    private static string LightGbmName => Ercot.Models.LightGbmDartModel.ModelName;
}

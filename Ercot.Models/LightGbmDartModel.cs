using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Ercot.Models;

/// <summary>
/// Gradient-boosted trees through ML.NET's LightGBM: explicit leaves, learning rate, rounds, early
/// stopping on the validation block and a seed. Single rows go through pooled prediction engines
/// (an engine is not thread-safe); batches through one transform.
/// </summary>
public sealed class LightGbmDartModel : IDartModel
{
    public const string ModelName = "lightgbm";

    private readonly LightGbmOptions _options;
    private readonly MLContext _ml;
    private ITransformer? _model;
    private DataViewSchema? _schema;
    private ObjectPool<PredictionEngine<FeatureRow, ScoreRow>>? _engines;
    private int _featureCount;

    public LightGbmDartModel(LightGbmOptions options)
    {
        _options = options;
        _ml = new MLContext(options.Seed);
    }

    public string Name => ModelName;

    public string FileName => "model.zip";

    public IReadOnlyDictionary<string, string> Describe() => _options.Describe();

    public IReadOnlyDictionary<string, string> Libraries() => new Dictionary<string, string>
    {
        ["Microsoft.ML.LightGbm"] = typeof(LightGbmRegressionTrainer).Assembly.GetName().Version?.ToString() ?? "?",
    };

    public int Iterations { get; private set; }

    public void Train(DartDataset train, DartDataset? validation, int threads, CancellationToken cancellationToken)
    {
        _featureCount = train.FeatureCount;
        var trainer = _ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            LabelColumnName = nameof(FeatureRow.Label),
            FeatureColumnName = nameof(FeatureRow.Features),
            NumberOfLeaves = _options.Leaves,
            LearningRate = _options.LearningRate,
            NumberOfIterations = _options.Rounds,
            MinimumExampleCountPerLeaf = _options.MinimumRowsPerLeaf,
            EarlyStoppingRound = validation is null ? 0 : _options.EarlyStoppingRounds,
            EvaluationMetric = LightGbmRegressionTrainer.Options.EvaluateMetricType.MeanAbsoluteError,
            Seed = _options.Seed,
            // No thread count of its own: LightGBM sizes per-thread buffers from the OpenMP thread count, which is
            // per OS thread and also set by libtorch and XGBoost on the same pool threads; a count that differs from
            // the one in force when it runs parallel regions indexes past those buffers and kills the process (the
            // mitigation ML.NET adopted, dotnet/machinelearning#4918). It uses OpenMP's count for the thread it runs on.
            Silent = true,
            Booster = new GradientBooster.Options { FeatureFraction = 0.5, L2Regularization = 10.0 },
        });
        cancellationToken.ThrowIfCancellationRequested();
        var trainView = ToDataView(train);
        var fitted = validation is null ? trainer.Fit(trainView) : trainer.Fit(trainView, ToDataView(validation));
        Iterations = fitted.Model.TrainedTreeEnsemble.Trees.Count;
        _model = fitted;
        _schema = trainView.Schema;
        _engines = null;
    }

    public float[] Predict(DartDataset rows)
    {
        var model = _model ?? throw new InvalidOperationException("The LightGBM model is not trained or loaded.");
        return [.. model.Transform(ToDataView(rows)).GetColumn<float>(nameof(ScoreRow.Score))];
    }

    public float Predict(string settlementPoint, ReadOnlySpan<float> features)
    {
        var pool = _engines ??= new DefaultObjectPool<PredictionEngine<FeatureRow, ScoreRow>>(new EnginePolicy(this), Environment.ProcessorCount * 2);
        var engine = pool.Get();
        try
        {
            return engine.Predict(new FeatureRow { Features = features.ToArray() }).Score;
        }
        finally
        {
            pool.Return(engine);
        }
    }

    public void Save(Stream destination) =>
        _ml.Model.Save(_model ?? throw new InvalidOperationException("Nothing to save: the model is not trained."), _schema, destination);

    public static LightGbmDartModel Load(Stream source, int featureCount, LightGbmOptions options)
    {
        var model = new LightGbmDartModel(options) { _featureCount = featureCount };
        model._model = model._ml.Model.Load(source, out model._schema);
        model.Iterations = model._model is RegressionPredictionTransformer<LightGbmRegressionModelParameters> fitted ? fitted.Model.TrainedTreeEnsemble.Trees.Count : 0;
        return model;
    }

    public void Dispose()
    {
    }

    private IDataView ToDataView(DartDataset data)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, data.FeatureCount);
        var rows = Enumerable.Range(0, data.Count).Select(i => new FeatureRow { Label = data.Target[i], Features = data.Row(i).ToArray() });
        return _ml.Data.LoadFromEnumerable(rows, schema);
    }

    private PredictionEngine<FeatureRow, ScoreRow> CreateEngine()
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, _featureCount);
        return _ml.Model.CreatePredictionEngine<FeatureRow, ScoreRow>(_model, inputSchemaDefinition: schema);
    }

    private sealed class EnginePolicy(LightGbmDartModel owner) : PooledObjectPolicy<PredictionEngine<FeatureRow, ScoreRow>>
    {
        public override PredictionEngine<FeatureRow, ScoreRow> Create() => owner.CreateEngine();

        public override bool Return(PredictionEngine<FeatureRow, ScoreRow> obj) => true;
    }

    internal sealed class FeatureRow
    {
        public float Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    internal sealed class ScoreRow
    {
        public float Score { get; set; }
    }
}

/// <summary>
/// LightGBM's parameters, with the defaults the training runs use: shallow-ish trees at a moderate rate on the
/// transformed target (see <see cref="DartForecaster"/>); up to <see cref="Rounds"/> trees, early stopping on
/// validation MAE after <see cref="EarlyStoppingRounds"/> without improvement.
/// </summary>
public sealed record LightGbmOptions(int Leaves = 15, double LearningRate = 0.03, int Rounds = 500, int MinimumRowsPerLeaf = 1000, int EarlyStoppingRounds = 50, int Seed = 7)
{
    public IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["leaves"] = Leaves.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["learningRate"] = LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["rounds"] = Rounds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["minimumRowsPerLeaf"] = MinimumRowsPerLeaf.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["earlyStoppingRounds"] = EarlyStoppingRounds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["seed"] = Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

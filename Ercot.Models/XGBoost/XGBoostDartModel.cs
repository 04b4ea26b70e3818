using System.Globalization;
using System.Runtime.InteropServices;
using static Ercot.Models.XGBoost.XGBoostNative;

namespace Ercot.Models.XGBoost;

/// <summary>
/// Histogram gradient-boosted trees through XGBoost's C API: squared error on the forecaster's transformed target
/// (asinh of the scaled residual, where DART's fat tails no longer dominate), starting from the target's median,
/// early stopping on the validation block's MAE, the booster cut to its best round, saved as UBJSON.
/// Batches predict through a DMatrix on every core; single rows in place, which XGBoost allows from
/// many threads, on a one-thread copy of the booster: waking OpenMP's threads for one row costs more
/// than the row (about 56 µs against 21 µs on two cores).
/// </summary>
public sealed class XGBoostDartModel : IDartModel
{
    public const string ModelName = "xgboost";

    private readonly XGBoostOptions _options;
    private BoosterHandle? _booster;
    private Lazy<BoosterHandle>? _rowBooster;

    public XGBoostDartModel(XGBoostOptions options) => _options = options;

    public string Name => ModelName;

    public string FileName => "model.ubj";

    public IReadOnlyDictionary<string, string> Describe() => _options.Describe();

    public IReadOnlyDictionary<string, string> Libraries() => new Dictionary<string, string> { ["libxgboost"] = "libxgboost.so.0 (Debian libxgboost0)" };

    public int Iterations { get; private set; }

    public void Train(DartDataset train, DartDataset? validation, int threads, CancellationToken cancellationToken)
    {
        using var trainMatrix = Matrix(train, withLabels: true);
        using var validMatrix = Matrix(validation ?? train, withLabels: true);
        Check(XGBoosterCreate([trainMatrix.DangerousGetHandle(), validMatrix.DangerousGetHandle()], 2, out var booster), "XGBoosterCreate");
        using (booster)
        {
            foreach (var (parameter, value) in _options.Parameters(threads))
            {
                Check(XGBoosterSetParam(booster, parameter, value), $"XGBoosterSetParam({parameter})");
            }
            // libxgboost 1.7 starts every prediction at base_score (0.5 unless told): start at the target's median instead.
            Check(XGBoosterSetParam(booster, "base_score", Median(train.Target).ToString("R", CultureInfo.InvariantCulture)), "XGBoosterSetParam(base_score)");
            if (validation is null)
            {
                for (var round = 0; round < _options.Rounds; round++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Check(XGBoosterUpdateOneIter(booster, round, trainMatrix), "XGBoosterUpdateOneIter");
                }
                Iterations = _options.Rounds;
                Check(XGBoosterSlice(booster, 0, _options.Rounds, 1, out var whole), "XGBoosterSlice");
                Serve(whole);
                return;
            }
            var name = Marshal.StringToCoTaskMemUTF8("valid");
            try
            {
                var best = (Round: -1, Mae: double.PositiveInfinity);
                for (var round = 0; round < _options.Rounds && round - best.Round <= _options.EarlyStoppingRounds; round++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Check(XGBoosterUpdateOneIter(booster, round, trainMatrix), "XGBoosterUpdateOneIter");
                    Check(XGBoosterEvalOneIter(booster, round, [validMatrix.DangerousGetHandle()], [name], 1, out var result), "XGBoosterEvalOneIter");
                    var mae = ParseMetric(Marshal.PtrToStringUTF8(result)!);
                    if (mae < best.Mae)
                    {
                        best = (round, mae);
                    }
                }
                Iterations = best.Round + 1;
                Check(XGBoosterSlice(booster, 0, best.Round + 1, 1, out var sliced), "XGBoosterSlice");
                Serve(sliced);
            }
            finally
            {
                Marshal.FreeCoTaskMem(name);
            }
        }
    }

    public float[] Predict(DartDataset rows)
    {
        var booster = _booster ?? throw new InvalidOperationException("The XGBoost model is not trained or loaded.");
        using var matrix = Matrix(rows, withLabels: false);
        Check(XGBoosterPredictFromDMatrix(booster, matrix, """{"type": 0, "training": false, "iteration_begin": 0, "iteration_end": 0, "strict_shape": false}""",
            out _, out _, out var result), "XGBoosterPredictFromDMatrix");
        var predictions = new float[rows.Count];
        Marshal.Copy(result, predictions, 0, predictions.Length);
        return predictions;
    }

    public unsafe float Predict(string settlementPoint, ReadOnlySpan<float> features)
    {
        var booster = _rowBooster?.Value ?? throw new InvalidOperationException("The XGBoost model is not trained or loaded.");
        fixed (float* values = features)
        {
            var array = $$"""{"data": [{{(ulong)values}}, true], "shape": [1, {{features.Length}}], "typestr": "<f4", "version": 3}""";
            // cache_id 0: no per-thread prediction cache, so many threads may predict at once.
            Check(XGBoosterPredictFromDense(booster, array, """{"type": 0, "training": false, "iteration_begin": 0, "iteration_end": 0, "strict_shape": false, "missing": NaN, "cache_id": 0}""",
                IntPtr.Zero, out _, out _, out var result), "XGBoosterPredictFromDense");
            return *(float*)result;
        }
    }

    public void Save(Stream destination)
    {
        var booster = _booster ?? throw new InvalidOperationException("Nothing to save: the model is not trained.");
        destination.Write(Serialize(booster));
    }

    public static XGBoostDartModel Load(Stream source, XGBoostOptions options)
    {
        using var copy = new MemoryStream();
        source.CopyTo(copy);
        var model = new XGBoostDartModel(options);
        model.Serve(Deserialize(copy.GetBuffer().AsSpan(0, (int)copy.Length)));
        Check(XGBoosterBoostedRounds(model._booster!, out var rounds), "XGBoosterBoostedRounds");
        model.Iterations = rounds;
        return model;
    }

    private static double Median(float[] values)
    {
        var sorted = values.Where(float.IsFinite).Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    public void Dispose()
    {
        _booster?.Dispose();
        if (_rowBooster is { IsValueCreated: true })
        {
            _rowBooster.Value.Dispose();
        }
    }

    /// <summary>Predicts with <paramref name="booster"/> from now on (its one-thread copy is made on the first single row).</summary>
    private void Serve(BoosterHandle booster)
    {
        Dispose();
        _booster = booster;
        _rowBooster = new Lazy<BoosterHandle>(() => SingleThreadedCopy(booster));
    }

    private static byte[] Serialize(BoosterHandle booster)
    {
        Check(XGBoosterSaveModelToBuffer(booster, """{"format": "ubj"}""", out var length, out var buffer), "XGBoosterSaveModelToBuffer");
        var bytes = new byte[length];
        Marshal.Copy(buffer, bytes, 0, bytes.Length);
        return bytes;
    }

    private static BoosterHandle Deserialize(ReadOnlySpan<byte> model)
    {
        Check(XGBoosterCreate([], 0, out var booster), "XGBoosterCreate");
        Check(XGBoosterLoadModelFromBuffer(booster, model, (ulong)model.Length), "XGBoosterLoadModelFromBuffer");
        return booster;
    }

    private static BoosterHandle SingleThreadedCopy(BoosterHandle booster)
    {
        var copy = Deserialize(Serialize(booster));
        Check(XGBoosterSetParam(copy, "nthread", "1"), "XGBoosterSetParam(nthread)");
        return copy;
    }

    private static DMatrixHandle Matrix(DartDataset data, bool withLabels)
    {
        Check(XGDMatrixCreateFromMat(data.Features, (ulong)data.Count, (ulong)data.FeatureCount, float.NaN, out var matrix), "XGDMatrixCreateFromMat");
        if (withLabels)
        {
            Check(XGDMatrixSetFloatInfo(matrix, "label", data.Target, (ulong)data.Count), "XGDMatrixSetFloatInfo(label)");
        }
        return matrix;
    }

    // "[12]\tvalid-mae:3.141593"
    private static double ParseMetric(string evaluation) =>
        double.Parse(evaluation[(evaluation.LastIndexOf(':') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>XGBoost's parameters, with the defaults the training runs use.</summary>
public sealed record XGBoostOptions(int MaxDepth = 4, double LearningRate = 0.03, int Rounds = 500, int EarlyStoppingRounds = 50, double MinChildWeight = 1000, int Seed = 7)
{
    public IEnumerable<(string Name, string Value)> Parameters(int threads)
    {
        var invariant = CultureInfo.InvariantCulture;
        yield return ("tree_method", "hist");
        yield return ("objective", "reg:squarederror");
        yield return ("eval_metric", "mae");
        yield return ("max_depth", MaxDepth.ToString(invariant));
        yield return ("eta", LearningRate.ToString(invariant));
        yield return ("min_child_weight", MinChildWeight.ToString(invariant));
        yield return ("subsample", "0.8");
        yield return ("colsample_bytree", "0.5");
        yield return ("lambda", "10");
        yield return ("seed", Seed.ToString(invariant));
        yield return ("nthread", threads.ToString(invariant));
        yield return ("verbosity", "0");
    }

    public IReadOnlyDictionary<string, string> Describe() => Parameters(threads: 0)
        .Where(parameter => parameter.Name is not ("nthread" or "verbosity"))
        .Append((Name: "rounds", Value: Rounds.ToString(CultureInfo.InvariantCulture)))
        .Append((Name: "earlyStoppingRounds", Value: EarlyStoppingRounds.ToString(CultureInfo.InvariantCulture)))
        .ToDictionary(parameter => parameter.Name, parameter => parameter.Value);
}

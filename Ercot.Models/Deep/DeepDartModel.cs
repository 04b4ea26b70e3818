using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace Ercot.Models.Deep;

/// <summary>
/// The deep model in TorchSharp: an MLP with point and hour embeddings, trained on standardized
/// inputs and target with a Huber loss (DART has fat tails), Adam, early stopping on validation MAE
/// and a fixed seed; on CUDA when <c>torch.cuda.is_available()</c>, else on the CPU. Saved as a zip of
/// the state dict and the normalization (feature means and deviations, target scale, point vocabulary).
/// </summary>
public sealed class DeepDartModel : IDartModel
{
    public const string ModelName = "deep";
    private const string Weights = "weights.dat";
    private const string Normalization = "normalization.json";

    private readonly DeepOptions _options;
    private readonly Device _device;
    private readonly Lock _predictLock = new();
    private DartNetwork? _network;
    private DeepNormalization? _normalization;

    public DeepDartModel(DeepOptions options)
    {
        _options = options;
        _device = options.Device switch
        {
            "cpu" => CPU,
            "cuda" => CUDA,
            _ => cuda.is_available() ? CUDA : CPU,
        };
    }

    public string Name => ModelName;

    public string FileName => "model.zip";

    /// <summary>Where the model runs: <c>cuda</c> or <c>cpu</c>.</summary>
    public string DeviceName => _device.type.ToString().ToLowerInvariant();

    /// <summary>Seconds each epoch of the last training took.</summary>
    public IReadOnlyList<double> EpochSeconds { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>(_options.Describe()) { ["device"] = DeviceName };

    public IReadOnlyDictionary<string, string> Libraries() => new Dictionary<string, string>
    {
        ["TorchSharp"] = typeof(torch).Assembly.GetName().Version?.ToString() ?? "?",
        ["libtorch"] = "2.10.0 (cpu package; CUDA where the image provides it)",
    };

    public int Iterations { get; private set; }

    public void Train(DartDataset train, DartDataset? validation, int threads, CancellationToken cancellationToken)
    {
        random.manual_seed(_options.Seed);
        set_num_threads(threads);
        _normalization = DeepNormalization.Fit(train);
        _network?.Dispose();
        var network = _network = new DartNetwork(train.FeatureCount, _normalization.Points.Count + 1, _options.Hidden, _options.Dropout);
        network.to(_device);
        using var optimizer = new AdamOptimizer(network.parameters(), _options.LearningRate);
        using var loss = nn.HuberLoss(delta: 1.0);
        var (features, points, hours, target) = Tensors(train);
        using (features)
        using (points)
        using (hours)
        using (target)
        {
            var order = new Random(_options.Seed);
            var best = (Epoch: -1, Mae: double.PositiveInfinity, State: new Dictionary<string, Tensor>());
            var epochs = new List<double>();
            var fixedEpochs = _options.FixedEpochs || validation is null;
            for (var epoch = 0; epoch < _options.MaxEpochs && (fixedEpochs || epoch - best.Epoch <= _options.Patience); epoch++)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                network.train();
                var shuffled = Enumerable.Range(0, train.Count).OrderBy(_ => order.Next()).Select(i => (long)i).ToArray();
                for (var start = 0; start < shuffled.Length; start += _options.BatchSize)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var scope = NewDisposeScope();
                    var batch = tensor(shuffled[start..Math.Min(start + _options.BatchSize, shuffled.Length)], device: _device);
                    network.zero_grad();
                    var output = network.forward(features.index_select(0, batch), points.index_select(0, batch), hours.index_select(0, batch));
                    loss.forward(output, target.index_select(0, batch)).backward();
                    optimizer.Step();
                }
                var mae = validation is null ? double.NaN : validation.Target.Zip(Predict(validation), (y, p) => Math.Abs((double)y - p)).Average();
                epochs.Add(clock.Elapsed.TotalSeconds);
                if (validation is null)
                {
                    // A fixed count of epochs: the last weights are the ones kept.
                    best.Epoch = epoch;
                }
                else if (mae < best.Mae)
                {
                    // Keep the best epoch's weights: early stopping returns them, not the last ones.
                    foreach (var weights in best.State.Values)
                    {
                        weights.Dispose();
                    }
                    best = (epoch, mae, network.state_dict().ToDictionary(pair => pair.Key, pair => pair.Value.detach().clone()));
                }
            }
            if (best.State.Count > 0)
            {
                network.load_state_dict(best.State);
            }
            Iterations = best.Epoch + 1;
            foreach (var weights in best.State.Values)
            {
                weights.Dispose();
            }
            EpochSeconds = epochs;
        }
        network.eval();
    }

    public float[] Predict(DartDataset rows)
    {
        var network = _network ?? throw new InvalidOperationException("The deep model is not trained or loaded.");
        var normalization = _normalization!;
        lock (_predictLock)
        {
            network.eval();
            using var _ = no_grad();
            using var scope = NewDisposeScope();
            var (features, points, hours, _) = Tensors(rows);
            var output = network.forward(features, points, hours).cpu().data<float>().ToArray();
            return [.. output.Select(value => (float)(value * normalization.TargetScale + normalization.TargetMean))];
        }
    }

    /// <summary>One row, with its settlement point (unknown points share one embedding).</summary>
    public float Predict(string settlementPoint, ReadOnlySpan<float> features)
    {
        var normalization = _normalization ?? throw new InvalidOperationException("The deep model is not trained or loaded.");
        var hourIndex = normalization.HourFeature;
        var row = new DartDataset(normalization.Features, features.ToArray(), [0f], [settlementPoint], [DateTime.UnixEpoch], [hourIndex >= 0 ? (int)features[hourIndex] : 0], [DateOnly.MinValue], [null]);
        return Predict(row)[0];
    }

    public void Save(Stream destination)
    {
        var network = _network ?? throw new InvalidOperationException("Nothing to save: the model is not trained.");
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        var weights = Path.GetTempFileName();
        try
        {
            network.save(weights);
            zip.CreateEntryFromFile(weights, Weights);
        }
        finally
        {
            File.Delete(weights);
        }
        using var json = zip.CreateEntry(Normalization).Open();
        JsonSerializer.Serialize(json, _normalization);
    }

    public static DeepDartModel Load(Stream source, DeepOptions options)
    {
        var model = new DeepDartModel(options);
        using var zip = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        using (var json = zip.GetEntry(Normalization)!.Open())
        {
            model._normalization = JsonSerializer.Deserialize<DeepNormalization>(json)!;
        }
        var weights = Path.GetTempFileName();
        try
        {
            zip.GetEntry(Weights)!.ExtractToFile(weights, overwrite: true);
            var network = new DartNetwork(model._normalization.Features.Count, model._normalization.Points.Count + 1, options.Hidden, options.Dropout);
            network.load(weights);
            model._network = network;
            network.to(model._device).eval();
        }
        finally
        {
            File.Delete(weights);
        }
        return model;
    }

    public void Dispose() => _network?.Dispose();

    /// <summary>Standardized features (NaN → the mean, i.e. 0), point and hour indexes, standardized target, on the device.</summary>
    private (Tensor Features, Tensor Points, Tensor Hours, Tensor Target) Tensors(DartDataset data)
    {
        var normalization = _normalization!;
        var values = new float[data.Features.Length];
        for (var i = 0; i < data.Count; i++)
        {
            for (var f = 0; f < data.FeatureCount; f++)
            {
                var value = data.Features[i * data.FeatureCount + f];
                values[i * data.FeatureCount + f] = float.IsFinite(value) ? (float)((value - normalization.Means[f]) / normalization.Deviations[f]) : 0f;
            }
        }
        return (
            tensor(values, [data.Count, data.FeatureCount], device: _device),
            tensor(data.Points.Select(point => (long)(normalization.Points.IndexOf(point) + 1)).ToArray(), device: _device),
            tensor(data.HourEndings.Select(hour => (long)Math.Clamp(hour, 0, 24)).ToArray(), device: _device),
            tensor(data.Target.Select(y => (float)((y - normalization.TargetMean) / normalization.TargetScale)).ToArray(), device: _device));
    }
}

/// <summary>
/// The deep model's parameters, with the defaults the training runs use. <see cref="Device"/> is
/// <c>auto</c> (CUDA when available), <c>cpu</c> or <c>cuda</c>; <see cref="FixedEpochs"/> trains all
/// <see cref="MaxEpochs"/> epochs (for timing) instead of stopping early.
/// </summary>
public sealed record DeepOptions(int Hidden = 128, double Dropout = 0.1, double LearningRate = 1e-3, int BatchSize = 1024, int MaxEpochs = 30, int Patience = 4, int Seed = 7,
    string Device = "auto", bool FixedEpochs = false)
{
    /// <summary>The defaults, with <c>ERCOT_DEEP_DEVICE</c> and <c>ERCOT_DEEP_EPOCHS</c> (fixed epochs) applied when set.</summary>
    public static DeepOptions FromEnvironment()
    {
        var options = new DeepOptions();
        if (Environment.GetEnvironmentVariable("ERCOT_DEEP_DEVICE") is { Length: > 0 } device)
        {
            options = options with { Device = device.ToLowerInvariant() };
        }
        if (int.TryParse(Environment.GetEnvironmentVariable("ERCOT_DEEP_EPOCHS"), CultureInfo.InvariantCulture, out var epochs) && epochs > 0)
        {
            options = options with { MaxEpochs = epochs, FixedEpochs = true };
        }
        return options;
    }

    public IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["hidden"] = Hidden.ToString(CultureInfo.InvariantCulture),
        ["dropout"] = Dropout.ToString(CultureInfo.InvariantCulture),
        ["learningRate"] = LearningRate.ToString(CultureInfo.InvariantCulture),
        ["batchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
        ["maxEpochs"] = MaxEpochs.ToString(CultureInfo.InvariantCulture),
        ["patience"] = FixedEpochs ? "none (fixed epochs)" : Patience.ToString(CultureInfo.InvariantCulture),
        ["loss"] = "huber(delta=1, standardized target)",
        ["seed"] = Seed.ToString(CultureInfo.InvariantCulture),
    };
}

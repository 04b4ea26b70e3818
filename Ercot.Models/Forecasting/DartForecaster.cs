using System.IO.Compression;
using System.Text.Json;

namespace Ercot.Models.Forecasting;

/// <summary>
/// One model family made into a forecaster that learns: it appends the settlement point (as a code, by rank
/// of its typical DART) and the point-and-hour training median to the features; every family learns the
/// departure from an anchor between that per-point constant and the recent median; it trains on a well-scaled robust target (<see cref="TargetScale"/>) and inverts
/// clamped predictions; it drops features that will be absent when it predicts; early stopping is judged
/// on a long validation block, and the family is then refitted on training and validation together with
/// the chosen trees or epochs. Saved as a zip: <c>forecaster.json</c> and the family's own file.
/// </summary>
public sealed class DartForecaster : IDartModel
{
    public const string PointCode = "point_code";
    public const string PointLevel = "point_hour_median";
    private const string StateEntry = "forecaster.json";
    private const string FamilyEntry = "family/";

    private readonly ForecasterOptions _options;
    private readonly Func<int?, IDartModel> _createFamily;
    private IDartModel? _family;
    private ForecasterState? _state;
    private bool[] _dropped = [];
    private int _hourFeature = -1;
    private int _recentFeature = -1;

    /// <param name="createFamily">Makes the family: with a count, one that trains exactly that many trees or epochs.</param>
    public DartForecaster(string name, ForecasterOptions options, Func<int?, IDartModel> createFamily)
    {
        Name = name;
        _options = options;
        _createFamily = createFamily;
    }

    public string Name { get; }

    public string FileName => "model.zip";

    public int Iterations => _state?.Iterations ?? 0;

    public ForecasterState State => _state ?? throw new InvalidOperationException($"The {Name} forecaster is not trained or loaded.");

    /// <summary>Out-of-sample predictions on the validation block, from the early-stopped model (before the refit).</summary>
    public float[] ValidationPredictions { get; private set; } = [];

    /// <summary>The validation rows those predictions belong to.</summary>
    public DartDataset? Validation { get; private set; }

    public IReadOnlyDictionary<string, string> Describe()
    {
        var described = new Dictionary<string, string>(_family?.Describe() ?? new Dictionary<string, string>());
        if (_state is { } state)
        {
            described["target"] = $"asinh((y - anchor) / {state.Target.Scale:F3}), anchor = point/hour median + {state.Target.RecentWeight:F2} × ({TargetScale.RecentFeature} - that median), clamped to [{state.Target.Low:F2}, {state.Target.High:F2}]";
            described["iterationsChosenOnValidation"] = state.ChosenIterations.ToString(System.Globalization.CultureInfo.InvariantCulture);
            described["iterations"] = state.Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture);
            described["refittedOnTrainAndValidation"] = state.Refitted ? "true" : "false";
            described["droppedFeatures"] = string.Join(",", state.DroppedFeatures);
        }
        return described;
    }

    public IReadOnlyDictionary<string, string> Libraries()
    {
        if (_family is { } family)
        {
            return family.Libraries();
        }
        using var fresh = _createFamily(null);
        return fresh.Libraries();
    }

    public void Train(DartDataset train, DartDataset? validation, int threads, CancellationToken cancellationToken)
    {
        if (validation is null)
        {
            var cut = train.Days[^1].AddDays(-_options.ValidationDays);
            validation = train.Between(cut.AddDays(1), train.Days[^1]);
            train = train.Between(DateOnly.MinValue, cut.AddDays(-1));
            if (train.Count == 0 || validation.Count == 0)
            {
                throw new TrainingDataException($"Too little data for the {Name} model: {train.Count} training and {validation.Count} validation rows.");
            }
        }
        var all = train.Concat(validation);
        var dropped = DroppedFeatures(all);

        // Early stopping on validation, with a scale fitted on the training block alone.
        var scale = TargetScale.Fit(train, Recent(train, dropped));
        var first = _createFamily(null);
        try
        {
            Use(first, scale, dropped, all, chosen: 0, iterations: 0, refitted: false);
            first.Train(Inputs(train, withTarget: true), Inputs(validation, withTarget: true), threads, cancellationToken);
            var chosen = Math.Max(1, first.Iterations);
            ValidationPredictions = Predict(validation);
            Validation = validation;
            if (!_options.Refit)
            {
                Use(first, scale, dropped, all, chosen, chosen, refitted: false);
                first = null;
                return;
            }
            // The served model sees its last months too: refit on everything with the chosen trees or epochs.
            var refit = _createFamily(chosen);
            Use(refit, TargetScale.Fit(all, Recent(all, dropped)), dropped, all, chosen, 0, refitted: true);
            first = null; // disposed by Use
            refit.Train(Inputs(all, withTarget: true), null, threads, cancellationToken);
            _state = _state! with { Iterations = refit.Iterations };
        }
        finally
        {
            if (first is not null && !ReferenceEquals(first, _family))
            {
                first.Dispose();
            }
        }
    }

    public float[] Predict(DartDataset rows)
    {
        var family = _family ?? throw new InvalidOperationException($"The {Name} forecaster is not trained or loaded.");
        var z = family.Predict(Inputs(rows, withTarget: false));
        var target = _state!.Target;
        var predictions = new float[rows.Count];
        for (var i = 0; i < predictions.Length; i++)
        {
            predictions[i] = (float)target.Inverse(z[i], rows.Points[i], HourEnding(rows, i), Recent(rows, i));
        }
        return predictions;
    }

    public float Predict(string settlementPoint, ReadOnlySpan<float> features)
    {
        var family = _family ?? throw new InvalidOperationException($"The {Name} forecaster is not trained or loaded.");
        var target = _state!.Target;
        var hourEnding = _hourFeature >= 0 && float.IsFinite(features[_hourFeature]) ? (int)features[_hourFeature] : 1;
        Span<float> inputs = stackalloc float[features.Length + 2];
        features.CopyTo(inputs);
        for (var f = 0; f < _dropped.Length; f++)
        {
            if (_dropped[f])
            {
                inputs[f] = float.NaN;
            }
        }
        inputs[^2] = target.Code(settlementPoint);
        inputs[^1] = (float)target.Level(settlementPoint, hourEnding);
        var recent = _recentFeature >= 0 ? features[_recentFeature] : float.NaN;
        return (float)target.Inverse(family.Predict(settlementPoint, inputs), settlementPoint, hourEnding, recent);
    }

    /// <summary>The per-point-and-hour training median (the "constant") its anchor starts from.</summary>
    public double Level(string settlementPoint, int hourEnding) => State.Target.Level(settlementPoint, hourEnding);

    public void Save(Stream destination)
    {
        var family = _family ?? throw new InvalidOperationException("Nothing to save: the model is not trained.");
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        using (var state = zip.CreateEntry(StateEntry, CompressionLevel.Fastest).Open())
        {
            JsonSerializer.Serialize(state, _state, ArtifactJsonOptions);
        }
        using var file = zip.CreateEntry(FamilyEntry + family.FileName, CompressionLevel.Fastest).Open();
        family.Save(file);
    }

    /// <summary>Loads a saved forecaster; <paramref name="loadFamily"/> reads the family's own file, given its feature count.</summary>
    public static DartForecaster Load(string name, Stream source, ForecasterOptions options, Func<int?, IDartModel> createFamily, Func<Stream, int, IDartModel> loadFamily)
    {
        using var zip = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        var stateEntry = zip.GetEntry(StateEntry)
            ?? throw new InvalidDataException($"The {name} model file has no {StateEntry}: it was saved by an older version; train it again.");
        ForecasterState state;
        using (var stream = stateEntry.Open())
        {
            state = JsonSerializer.Deserialize<ForecasterState>(stream, ArtifactJsonOptions)!;
        }
        var familyEntry = zip.Entries.Single(entry => entry.FullName.StartsWith(FamilyEntry, StringComparison.Ordinal));
        using var copy = new MemoryStream();
        using (var stream = familyEntry.Open())
        {
            stream.CopyTo(copy);
        }
        copy.Position = 0;
        var forecaster = new DartForecaster(name, options, createFamily);
        forecaster._family = loadFamily(copy, state.Features.Count + 2);
        forecaster.Adopt(state);
        return forecaster;
    }

    public void Dispose() => _family?.Dispose();

    private static readonly JsonSerializerOptions ArtifactJsonOptions = new(JsonSerializerDefaults.Web);

    private IReadOnlyList<string> DroppedFeatures(DartDataset all)
    {
        var unavailable = _options.UnavailableFeatures ?? new HashSet<string>();
        // Absent from the last four weeks of data: the model will predict without them.
        var recent = all.Days[^1].AddDays(-27);
        var from = Array.FindIndex(all.Days, day => day >= recent);
        var coverage = FeatureCoverage.OfFeatures(all, Math.Max(0, from));
        return [.. FeatureCoverage.Absent(all.FeatureNames, coverage).Union(unavailable.Where(all.FeatureNames.Contains))];
    }

    private void Use(IDartModel family, TargetScale scale, IReadOnlyList<string> dropped, DartDataset all, int chosen, int iterations, bool refitted)
    {
        if (!ReferenceEquals(_family, family))
        {
            _family?.Dispose();
        }
        _family = family;
        Adopt(new ForecasterState(family.Name, all.FeatureNames, dropped,
            FeatureCoverage.ByGroup(all.FeatureNames, FeatureCoverage.OfFeatures(all)), scale, chosen, iterations, refitted));
    }

    private void Adopt(ForecasterState state)
    {
        _state = state;
        var dropped = state.DroppedFeatures.ToHashSet(StringComparer.Ordinal);
        _dropped = [.. state.Features.Select(dropped.Contains)];
        _hourFeature = state.Features.ToList().IndexOf("cal_hour_ending");
        _recentFeature = dropped.Contains(TargetScale.RecentFeature) ? -1 : state.Features.ToList().IndexOf(TargetScale.RecentFeature);
    }

    /// <summary>Each row's recent median DART, the anchor's second half (NaN for every row where the feature is missing or dropped).</summary>
    private static float[] Recent(DartDataset rows, IReadOnlyList<string> dropped)
    {
        var feature = dropped.Contains(TargetScale.RecentFeature) ? -1 : rows.FeatureNames.ToList().IndexOf(TargetScale.RecentFeature);
        return [.. Enumerable.Range(0, rows.Count).Select(i => feature < 0 ? float.NaN : rows.Features[i * rows.FeatureCount + feature])];
    }

    private float Recent(DartDataset rows, int i) => _recentFeature < 0 ? float.NaN : rows.Features[i * rows.FeatureCount + _recentFeature];

    /// <summary>A row's hour ending as its features say (as a single row is scored), else as its keys say.</summary>
    private int HourEnding(DartDataset rows, int i) =>
        _hourFeature >= 0 && float.IsFinite(rows.Features[i * rows.FeatureCount + _hourFeature]) ? (int)rows.Features[i * rows.FeatureCount + _hourFeature] : rows.HourEndings[i];

    /// <summary>The family's inputs: the features (dropped ones unknown), the point's code and level; the transformed target.</summary>
    private DartDataset Inputs(DartDataset rows, bool withTarget)
    {
        var target = _state!.Target;
        var width = rows.FeatureCount + 2;
        var features = new float[rows.Count * width];
        var z = new float[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = features.AsSpan(i * width, width);
            rows.Row(i).CopyTo(row);
            for (var f = 0; f < _dropped.Length; f++)
            {
                if (_dropped[f])
                {
                    row[f] = float.NaN;
                }
            }
            var hourEnding = HourEnding(rows, i);
            row[^2] = target.Code(rows.Points[i]);
            row[^1] = (float)target.Level(rows.Points[i], hourEnding);
            z[i] = withTarget ? target.Forward(rows.Target[i], rows.Points[i], hourEnding, Recent(rows, i)) : 0f;
        }
        return rows.With([.. rows.FeatureNames, PointCode, PointLevel], features, z);
    }
}

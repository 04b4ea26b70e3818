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
    private readonly IReadOnlyList<FamilyCandidate> _candidates;
    private IDartModel? _family;
    private ForecasterState? _state;
    private bool[] _dropped = [];
    private int _hourFeature = -1;
    private int _recentFeature = -1;
    private int _scaleFeature = -1;

    /// <param name="candidates">The family's configurations to search, the default first; each makes the family, and with a count one that trains exactly that many trees or epochs.</param>
    public DartForecaster(string name, ForecasterOptions options, IReadOnlyList<FamilyCandidate> candidates)
    {
        if (candidates.Count == 0)
        {
            throw new ArgumentException($"The {name} forecaster needs at least one configuration to train.", nameof(candidates));
        }
        Name = name;
        _options = options;
        _candidates = candidates;
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
            if (state.Search is { Count: > 0 } search)
            {
                described["search"] = string.Join("; ", search.Select(result =>
                    $"{result.Label}: {result.Iterations} iterations, validation MAE {result.ValidationMae.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)}{(result.Label == state.Candidate ? " (chosen)" : "")}"));
            }
            described["droppedFeatures"] = string.Join(",", state.DroppedFeatures);
            if (state.Interval is { } interval)
            {
                described["interval"] = $"80% split-conformal on validation residuals / max(1, {ConformalInterval.ScaleFeature})^{interval.Exponent:G2}, per hour ending; scores {interval.Low.Min():F2}..{interval.High.Max():F2}";
            }
        }
        return described;
    }

    public IReadOnlyDictionary<string, string> Libraries()
    {
        if (_family is { } family)
        {
            return family.Libraries();
        }
        using var fresh = _candidates[0].Create(null);
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

        // The search: every candidate early-stops on validation, with a scale fitted on the training block alone;
        // the one with the lowest validation MAE ($/MWh, after the inverse) wins.
        var scale = TargetScale.Fit(train, Recent(train, dropped));
        Adopt(NewState(scale, dropped, all, null, [], 0, 0, refitted: false));
        var trainInputs = Inputs(train, withTarget: true);
        var validationInputs = Inputs(validation, withTarget: true);
        var search = new List<CandidateResult>();
        (IDartModel Model, FamilyCandidate Candidate, float[] Predictions, double Mae)? best = null;
        try
        {
            foreach (var candidate in _options.FixedIterations is null ? _candidates : _candidates.Take(1))
            {
                cancellationToken.ThrowIfCancellationRequested();
                IDartModel? model = candidate.Create(_options.FixedIterations);
                try
                {
                    model.Train(trainInputs, _options.FixedIterations is null ? validationInputs : null, threads, cancellationToken);
                    var predictions = Invert(model.Predict(validationInputs), validation);
                    var mae = Enumerable.Range(0, validation.Count).Average(i => Math.Abs((double)validation.Target[i] - predictions[i]));
                    search.Add(new CandidateResult(candidate.Label, Math.Max(1, model.Iterations), Math.Round(mae, 4)));
                    if (best is null || mae < best.Value.Mae)
                    {
                        best?.Model.Dispose();
                        best = (model, candidate, predictions, mae);
                        model = null;
                    }
                }
                finally
                {
                    model?.Dispose();
                }
            }
        }
        catch
        {
            best?.Model.Dispose();
            throw;
        }
        var (winner, chosenCandidate, validationPredictions, _) = best!.Value;
        ValidationPredictions = validationPredictions;
        Validation = validation;
        // The interval comes from the winner's out-of-sample residuals; the refit, which also saw the validation
        // block, errs a little less, so served intervals lean wide rather than narrow.
        var interval = ConformalInterval.Fit(
            [.. validation.Target.Select(value => (double)value)], [.. validationPredictions.Select(value => (double)value)],
            validation.HourEndings, ConformalInterval.Scales(validation));
        var chosen = Math.Max(1, winner.Iterations);
        if (!_options.Refit)
        {
            Use(winner, NewState(scale, dropped, all, chosenCandidate.Label, search, chosen, chosen, refitted: false) with { Interval = interval });
            return;
        }
        // The served model sees its last months too: refit on everything with the chosen candidate and its trees or epochs.
        winner.Dispose();
        var refit = chosenCandidate.Create(chosen);
        Use(refit, NewState(TargetScale.Fit(all, Recent(all, dropped)), dropped, all, chosenCandidate.Label, search, chosen, 0, refitted: true) with { Interval = interval });
        refit.Train(Inputs(all, withTarget: true), null, threads, cancellationToken);
        _state = _state! with { Iterations = refit.Iterations };
    }

    public float[] Predict(DartDataset rows)
    {
        var family = _family ?? throw new InvalidOperationException($"The {Name} forecaster is not trained or loaded.");
        return Invert(family.Predict(Inputs(rows, withTarget: false)), rows);
    }

    /// <summary>Predictions in $/MWh from the family's transformed ones.</summary>
    private float[] Invert(float[] z, DartDataset rows)
    {
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

    /// <summary>
    /// The 80% interval (P10, P90) around <paramref name="forecast"/>, one of this model's forecasts for a row with
    /// <paramref name="features"/>; the hour ending is the features' own, else <paramref name="hourEnding"/>. Null for
    /// a model saved before intervals.
    /// </summary>
    public (double P10, double P90)? Interval(double forecast, ReadOnlySpan<float> features, int hourEnding)
    {
        if (_state?.Interval is not { } interval)
        {
            return null;
        }
        var hour = _hourFeature >= 0 && _hourFeature < features.Length && float.IsFinite(features[_hourFeature]) ? (int)features[_hourFeature] : hourEnding;
        return interval.Around(forecast, hour, _scaleFeature >= 0 && _scaleFeature < features.Length ? features[_scaleFeature] : float.NaN);
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

    /// <summary>Loads a saved forecaster; <paramref name="loadFamily"/> reads the family's own file, given its feature count and the configuration chosen.</summary>
    public static DartForecaster Load(string name, Stream source, ForecasterOptions options, IReadOnlyList<FamilyCandidate> candidates, Func<Stream, int, string?, IDartModel> loadFamily)
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
        var forecaster = new DartForecaster(name, options, candidates);
        forecaster._family = loadFamily(copy, state.Features.Count + 2, state.Candidate);
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

    private ForecasterState NewState(
        TargetScale scale, IReadOnlyList<string> dropped, DartDataset all, string? candidate, IReadOnlyList<CandidateResult> search, int chosen, int iterations, bool refitted) =>
        new(Name, all.FeatureNames, dropped, FeatureCoverage.ByGroup(all.FeatureNames, FeatureCoverage.OfFeatures(all)), scale, chosen, iterations, refitted, candidate, search);

    private void Use(IDartModel family, ForecasterState state)
    {
        if (!ReferenceEquals(_family, family))
        {
            _family?.Dispose();
        }
        _family = family;
        Adopt(state);
    }

    private void Adopt(ForecasterState state)
    {
        _state = state;
        var dropped = state.DroppedFeatures.ToHashSet(StringComparer.Ordinal);
        _dropped = [.. state.Features.Select(dropped.Contains)];
        _hourFeature = state.Features.ToList().IndexOf("cal_hour_ending");
        _recentFeature = dropped.Contains(TargetScale.RecentFeature) ? -1 : state.Features.ToList().IndexOf(TargetScale.RecentFeature);
        _scaleFeature = state.Features.ToList().IndexOf(ConformalInterval.ScaleFeature);
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

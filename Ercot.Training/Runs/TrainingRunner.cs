using System.Diagnostics;
using Ercot.Core.Models;
using Ercot.Models;
using Ercot.Models.Evaluation;
using Ercot.Models.Forecasting;
using Ercot.Models.Registry;

namespace Ercot.Training.Runs;

/// <summary>What to train: models over operating days <see cref="From"/>..<see cref="To"/>, split by time.</summary>
/// <param name="FixedIterations">For benchmarks: every family trains exactly this many trees or epochs in one fit (its default configuration, no search, no early stopping, no refit).</param>
public sealed record TrainingRequest(DateOnly From, DateOnly To, IReadOnlyList<string> Models, DateOnly? ValidationFrom = null, DateOnly? TestFrom = null, int? FixedIterations = null);

/// <summary>One model's outcome: its registry version and role, and its evaluation on validation and test.</summary>
public sealed record ModelOutcome(string Model, string Version, ModelRole Role, string RoleReason, EvaluationReport Validation, EvaluationReport Test, double Seconds);

/// <summary>A run's outcome: the split, each model's, and the ensemble mean's test evaluation.</summary>
public sealed record TrainingOutcome(
    TrainingSplit Split, int TrainRows, int ValidationRows, int TestRows, IReadOnlyList<ModelOutcome> Models, EvaluationReport EnsembleTest, double Seconds,
    IReadOnlyList<string>? Warnings = null);

/// <summary>
/// A training run: loads the feature store for the range, splits it by time, trains the models in
/// parallel with thread budgets that add up to the machine's cores, evaluates each and their mean on
/// the same rows, and publishes each to the registry — as champion only if it beats the zero forecast
/// and the current champion scored on the same validation rows.
/// </summary>
public sealed class TrainingRunner(FeatureStoreReader features, ModelRegistry registry, TimeProvider time)
{
    public const int MinimumTrainRows = 500;
    public const int MinimumValidationRows = 48;

    public async Task<TrainingOutcome> RunAsync(TrainingRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var models = request.Models.Distinct().ToList();
        if (models.Count == 0)
        {
            throw new TrainingDataException($"No model to train; choose from {string.Join(", ", DartModels.Names)}.");
        }
        models.ForEach(name => DartModels.Create(name).Dispose());
        var split = TrainingSplit.Of(request.From, request.To, request.ValidationFrom, request.TestFrom);
        progress?.Report($"loading features {request.From:yyyy-MM-dd}..{request.To:yyyy-MM-dd}");
        var (data, schemaHash) = await features.LoadAsync(request.From, request.To, cancellationToken);
        var warnings = new List<string>();
        if (UncoveredMonths(data, request.From, request.To) is { Count: > 0 } uncovered)
        {
            warnings.Add($"No feature rows with a known DART in {uncovered.Count} month(s) of the window: {string.Join(", ", uncovered.Take(12))}{(uncovered.Count > 12 ? ", …" : "")}; build them (POST /features/builds) or narrow the window.");
            progress?.Report($"warning: {warnings[^1]}");
        }
        var train = data.Between(split.Train.From, split.Train.To);
        var validation = data.Between(split.Validation.From, split.Validation.To);
        var test = data.Between(split.Test.From, split.Test.To);
        if (train.Count < MinimumTrainRows || validation.Count < MinimumValidationRows || test.Count == 0)
        {
            throw new TrainingDataException(
                $"Too few rows with a known DART: {train.Count} to train (at least {MinimumTrainRows}), {validation.Count} to validate (at least {MinimumValidationRows}), {test.Count} to test (at least 1).");
        }

        var threads = DartModels.Threads(Environment.ProcessorCount, models.Count);
        progress?.Report($"training {string.Join(", ", models)} on {train.Count:N0} rows, {threads.Sum()} threads");
        var trained = await Task.WhenAll(models.Select((name, i) => Task.Run(() =>
        {
            var started = Stopwatch.StartNew();
            var model = DartModels.Create(name, request.FixedIterations is { } fixedIterations
                ? ForecasterOptions.Default with { FixedIterations = fixedIterations, Refit = false }
                : ForecasterOptions.Default);
            model.Train(train, validation, threads[i], cancellationToken);
            progress?.Report(request.FixedIterations is null
                ? $"{name} trained in {started.Elapsed.TotalSeconds:F1} s: {model.State.Candidate} chosen on validation with {model.State.ChosenIterations} trees/epochs, " +
                  $"refitted on train + validation with {model.State.Iterations}; {model.State.DroppedFeatures.Count} features left out as absent"
                : $"{name} trained in {started.Elapsed.TotalSeconds:F1} s: {model.State.Iterations} trees/epochs, fixed, one fit on {train.Count:N0} rows");
            // Validation predictions come from the early-stopped model, before the refit saw those rows.
            return (Model: (IDartModel)model, ValidationPredictions: model.ValidationPredictions, TestPredictions: model.Predict(test), Seconds: started.Elapsed.TotalSeconds);
        }, cancellationToken)));

        var reference = train.FeatureNames.Select((name, f) => (name, FeatureReference.Of(Enumerable.Range(0, train.Count).Select(i => train.Features[i * train.FeatureCount + f]))))
            .ToDictionary(pair => pair.name, pair => pair.Item2);
        // The per-point-and-hour constant of the training block: the bar every model must clear, and an ensemble member.
        var level = TargetScale.Fit(train);
        double[] actual = [.. validation.Target.Select(y => (double)y)];
        double[] validationConstant = [.. Enumerable.Range(0, validation.Count).Select(i => level.Level(validation.Points[i], validation.HourEndings[i]))];
        var outcomes = new List<ModelOutcome>();
        var published = new List<(ModelMetadata Metadata, Func<Stream> ModelFile, ChampionEvidence? Evidence)>();
        try
        {
            foreach (var (model, validationPredictions, testPredictions, seconds) in trained)
            {
                var (outcome, metadata, file, evidence) = await JudgeAsync(model, validationPredictions, testPredictions, seconds, actual, validationConstant,
                    validation, test, split, schemaHash, reference, cancellationToken);
                outcomes.Add(outcome);
                published.Add((metadata, () => new MemoryStream(file), evidence));
            }
        }
        finally
        {
            foreach (var (model, _, _, _) in trained)
            {
                model.Dispose();
            }
        }
        // Every version and its decision first, then one swap of the champion set.
        await registry.PublishAsync(published, cancellationToken);
        // The ensemble: weights chosen on validation over the models that beat the constant there, and the constant.
        var weights = EnsembleWeights.Fit(actual,
            models.Select((name, m) => (name, trained[m].ValidationPredictions)).ToDictionary(pair => pair.name, pair => pair.ValidationPredictions.Select(p => (double)p).ToArray()),
            validationConstant);
        var ensemble = Enumerable.Range(0, test.Count).Select(i => EnsembleWeights.Combine(weights,
            name => trained[models.IndexOf(name)].TestPredictions[i], level.Level(test.Points[i], test.HourEndings[i]))).ToList();
        return new TrainingOutcome(split, train.Count, validation.Count, test.Count, outcomes,
            ForecastEvaluation.EvaluateAll(Rows(test), ensemble), clock.Elapsed.TotalSeconds, warnings);
    }

    /// <summary>The months (yyyy-MM) of <paramref name="from"/>..<paramref name="to"/> without a single row to learn from.</summary>
    public static List<string> UncoveredMonths(DartDataset data, DateOnly from, DateOnly to)
    {
        var covered = data.Days.Select(day => (day.Year, day.Month)).ToHashSet();
        var uncovered = new List<string>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            if (!covered.Contains((month.Year, month.Month)))
            {
                uncovered.Add($"{month:yyyy-MM}");
            }
        }
        return uncovered;
    }

    /// <summary>
    /// Evaluates a trained model and decides its role: against zero and the constant on its validation rows, against the
    /// current champion only on rows neither was fitted on (<see cref="ChampionRule"/>).
    /// </summary>
    private async Task<(ModelOutcome Outcome, ModelMetadata Metadata, byte[] File, ChampionEvidence Evidence)> JudgeAsync(
        IDartModel model, float[] validationPredictions, float[] testPredictions, double seconds, double[] actual, double[] validationConstant,
        DartDataset validation, DartDataset test, TrainingSplit split, string schemaHash, IReadOnlyDictionary<string, FeatureReference> reference,
        CancellationToken cancellationToken)
    {
        double[] candidate = [.. validationPredictions.Select(p => (double)p)];
        var validationReport = ForecastEvaluation.EvaluateAll(Rows(validation), candidate);
        var testReport = ForecastEvaluation.EvaluateAll(Rows(test), [.. testPredictions.Select(p => (double)p)]);
        var (comparison, noComparison) = await CompareWithChampionAsync(model.Name, validation, validationPredictions, test, testPredictions, schemaHash, cancellationToken);
        var (role, reason, evidence) = ChampionRule.Decide(actual, candidate, validationConstant, validation.Days, comparison, noComparison, ChampionPolicy.Default);
        var metadata = new ModelMetadata(
            model.Name, ModelRegistry.NewVersion(time.GetUtcNow()), time.GetUtcNow(), model.FileName, schemaHash, validation.FeatureNames,
            split.Train, split.Validation, split.Test, model.Describe(), Metrics(validationReport.Overall), Metrics(testReport.Overall),
            model.Libraries(), $"{Environment.ProcessorCount} CPU cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}", Math.Round(seconds, 2),
            role, reason, reference);
        using var file = new MemoryStream();
        model.Save(file);
        return (new ModelOutcome(model.Name, metadata.Version, metadata.Role, reason, validationReport, testReport, seconds), metadata, file.ToArray(), evidence);
    }

    /// <summary>The last operating day a version was fitted on: the validation block's end when it was refitted on train + validation.</summary>
    public static DateOnly FittedThrough(ModelMetadata metadata) =>
        metadata.Parameters.TryGetValue("refittedOnTrainAndValidation", out var refitted) && refitted == "false" ? metadata.Train.To : metadata.Validation.To;

    /// <summary>
    /// The candidate against the current champion (same feature schema) on this run's validation and test rows after the champion's
    /// fit — the candidate's own forecasts of those rows are out of its sample (validation: the early-stopped model; test: the
    /// refit). Null with the reason when the champion was fitted on all of them; null without one when there is no comparable champion.
    /// </summary>
    private async Task<(ChampionComparison? Comparison, string? NoComparison)> CompareWithChampionAsync(
        string name, DartDataset validation, float[] validationPredictions, DartDataset test, float[] testPredictions, string schemaHash, CancellationToken cancellationToken)
    {
        if (!(await registry.ReadChampionsAsync(cancellationToken)).Models.TryGetValue(name, out var entry)
            || await registry.ReadMetadataAsync(name, entry.Version, cancellationToken) is not { } metadata
            || metadata.FeatureSchemaHash != schemaHash)
        {
            return (null, null);
        }
        var through = FittedThrough(metadata);
        var lastDay = test.Count > 0 ? test.Days.Max() : validation.Days.Max();
        if (lastDay <= through)
        {
            return (null, $"the champion ({entry.Version}) was fitted through {through:yyyy-MM-dd}, so no row of this run ({validation.Days.Min():yyyy-MM-dd}..{lastDay:yyyy-MM-dd}) is out of both models' samples");
        }
        await using var file = await registry.OpenModelFileAsync(metadata, cancellationToken);
        if (file is null)
        {
            return (null, null);
        }
        using var champion = DartModels.Load(name, file, validation.FeatureCount);
        List<double> actual = [], candidate = [], champions = [];
        List<DateOnly> days = [];
        foreach (var (rows, predictions) in new[] { (validation, validationPredictions), (test, testPredictions) })
        {
            var championPredictions = champion.Predict(rows);
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows.Days[i] > through)
                {
                    actual.Add(rows.Target[i]);
                    candidate.Add(predictions[i]);
                    champions.Add(championPredictions[i]);
                    days.Add(rows.Days[i]);
                }
            }
        }
        return (new ChampionComparison(actual, candidate, champions, days,
            $"the {days.Distinct().Count()} day(s) after {through:yyyy-MM-dd}, after both fits"), null);
    }

    private static List<EvaluationRow> Rows(DartDataset data) =>
        [.. Enumerable.Range(0, data.Count).Select(i => new EvaluationRow(data.Points[i], data.HoursUtc[i], data.HourEndings[i], data.Target[i], data.WeekAgo[i]))];

    private static Dictionary<string, double> Metrics(ForecastMetrics metrics) => new()
    {
        ["mae"] = metrics.Mae,
        ["rmse"] = metrics.Rmse,
        ["r2"] = metrics.R2,
        ["signAccuracy"] = metrics.SignAccuracy,
        ["rmaeVsZero"] = metrics.RelativeMaeVsZero,
        ["rmaeVsWeekAgo"] = metrics.RelativeMaeVsWeekAgo ?? double.NaN,
        ["dmPValue"] = metrics.DieboldMarianoPValue,
    };
}

using System.Diagnostics;
using System.Text.Json;
using Ercot.Core.Storage;
using Ercot.Models.Forecasting;

namespace Ercot.Models.Backtesting;

/// <summary>
/// A walk-forward backtest over the feature store, as the real system would have run it: for each fold the
/// models train on the past only (early stopping on the end of their window, then a refit), forecast the
/// fold, and are weighed into an ensemble on their validation block. Each finished fold is saved, so a
/// cancelled or failed backtest resumes where it stopped; at the end the predictions and the report are
/// written, each file whole or not at all.
/// </summary>
public sealed class BacktestRunner(FeatureStoreReader features, IArtifactStore artifacts)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Called with each fold's training rows before its models train; tests use it to prove no fold sees its future.</summary>
    public Action<BacktestFold, DartDataset>? OnTraining { get; init; }

    public async Task<BacktestReport> RunAsync(string id, BacktestRequest request, IProgress<BacktestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (request.Problem() is { } problem)
        {
            throw new TrainingDataException(problem);
        }
        var (data, _) = await features.LoadAsync(request.TrainFrom, request.To, cancellationToken);
        return await RunAsync(id, request, data, progress, cancellationToken);
    }

    /// <summary>The backtest over rows already in memory (every row with a target, in time order).</summary>
    public async Task<BacktestReport> RunAsync(string id, BacktestRequest request, DartDataset data, IProgress<BacktestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (request.Problem() is { } problem)
        {
            throw new TrainingDataException(problem);
        }
        var clock = Stopwatch.StartNew();
        if (data.Count == 0)
        {
            throw new TrainingDataException($"No rows with a target in {request.TrainFrom:yyyy-MM-dd}..{request.To:yyyy-MM-dd}: build features for that range first.");
        }
        if (request.Points is { Count: > 0 } points)
        {
            var known = data.Points.ToHashSet(StringComparer.Ordinal);
            if (points.Where(point => !known.Contains(point)).ToList() is { Count: > 0 } unknown)
            {
                throw new TrainingDataException($"No rows with a target for settlement point(s) {string.Join(", ", unknown)} in {request.TrainFrom:yyyy-MM-dd}..{request.To:yyyy-MM-dd}.");
            }
            var chosen = points.ToHashSet(StringComparer.Ordinal);
            data = data.Rows([.. Enumerable.Range(0, data.Count).Where(i => chosen.Contains(data.Points[i]))]);
        }
        var folds = request.Folds();
        CheckFolds(data, folds);

        var results = new List<BacktestFoldResult>();
        foreach (var fold in folds)
        {
            var path = $"{BacktestPaths.Folder(id)}folds/{fold.Index:D3}.json";
            progress?.Report(new BacktestProgress(fold.Index, folds.Count, fold, "training"));
            BacktestFoldResult result;
            if (await artifacts.TryOpenReadAsync(path, cancellationToken) is { } saved)
            {
                await using (saved)
                {
                    result = (await JsonSerializer.DeserializeAsync<BacktestFoldResult>(saved, Json, cancellationToken))!;
                }
            }
            else
            {
                result = RunFold(fold, data, request, cancellationToken);
                await artifacts.WriteAsync(path, new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(result, Json)), cancellationToken);
            }
            results.Add(result);
            progress?.Report(new BacktestProgress(fold.Index + 1, folds.Count, fold, "done"));
        }

        var report = BacktestReport.Of(id, request, results, clock.Elapsed.TotalSeconds);
        await BacktestFiles.WritePredictionsAsync(artifacts, BacktestPaths.Predictions(id), request.Models, results, cancellationToken);
        await artifacts.WriteAsync(BacktestPaths.Report(id), new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(report, BacktestReport.JsonOptions)), cancellationToken);
        await artifacts.WriteAsync(BacktestPaths.Markdown(id), new MemoryStream(System.Text.Encoding.UTF8.GetBytes(BacktestMarkdown.Render(report))), cancellationToken);
        return report;
    }

    private static void CheckFolds(DartDataset data, IReadOnlyList<BacktestFold> folds)
    {
        foreach (var fold in folds)
        {
            var trainDays = data.Days.Where(day => day >= fold.TrainFrom && day <= fold.TrainTo).Distinct().Count();
            var testDays = data.Days.Where(day => day >= fold.TestFrom && day <= fold.TestTo).Distinct().Count();
            if (trainDays < ForecasterOptions.MinimumTrainingDays)
            {
                throw new TrainingDataException(
                    $"Fold {fold.Index + 1} ({fold.TestFrom:yyyy-MM-dd}..{fold.TestTo:yyyy-MM-dd}) would train on {trainDays} days with a target in {fold.TrainFrom:yyyy-MM-dd}..{fold.TrainTo:yyyy-MM-dd}; " +
                    $"it needs at least {ForecasterOptions.MinimumTrainingDays}. Build features for earlier days or start the test later.");
            }
            if (testDays == 0)
            {
                throw new TrainingDataException(
                    $"Fold {fold.Index + 1} ({fold.TestFrom:yyyy-MM-dd}..{fold.TestTo:yyyy-MM-dd}) has no hour with a target: build its features, or end the range earlier.");
            }
        }
    }

    private BacktestFoldResult RunFold(BacktestFold fold, DartDataset data, BacktestRequest request, CancellationToken cancellationToken)
    {
        var models = request.Models;
        var clock = Stopwatch.StartNew();
        var train = data.Between(fold.TrainFrom, fold.TrainTo);
        var test = data.Between(fold.TestFrom, fold.TestTo);
        OnTraining?.Invoke(fold, train);
        // What the fold's feature rows lack is known at its gates (the features exist before them); the target is not used.
        var unavailable = FeatureCoverage.Absent(test.FeatureNames, FeatureCoverage.OfFeatures(test)).ToHashSet(StringComparer.Ordinal);
        var options = ForecasterOptions.Default with { UnavailableFeatures = unavailable };
        var threads = DartModels.Threads(Environment.ProcessorCount, models.Count);
        var trained = models.Select((name, m) => Task.Run(() =>
        {
            var started = Stopwatch.StartNew();
            var forecaster = DartModels.Create(name, options);
            forecaster.Train(train, null, threads[m], cancellationToken);
            return (Forecaster: forecaster, Test: forecaster.Predict(test), Seconds: started.Elapsed.TotalSeconds);
        }, cancellationToken)).ToArray();
        Task.WaitAll(trained, cancellationToken);

        try
        {
            var validation = trained[0].Result.Forecaster.Validation!;
            var actual = validation.Target.Select(y => (double)y).ToArray();
            // The constant of the validation block comes from the training rows before it, as the models' first fit did.
            var before = TargetScale.Fit(train.Between(fold.TrainFrom, validation.Days[0].AddDays(-1)));
            var validationConstant = Enumerable.Range(0, validation.Count).Select(i => before.Level(validation.Points[i], validation.HourEndings[i])).ToArray();
            var constantMae = EnsembleWeights.Mae(actual, validationConstant);
            var members = models.Select((name, m) => (name, Predictions: trained[m].Result.Forecaster.ValidationPredictions.Select(p => (double)p).ToArray()))
                .ToDictionary(pair => pair.name, pair => pair.Predictions);
            var weights = EnsembleWeights.Fit(actual, members, validationConstant);

            // Decisions on validation only: the ensemble's interval calibration, the reference width, each strategy's θ.
            var validationEnsemble = Enumerable.Range(0, validation.Count)
                .Select(i => EnsembleWeights.Combine(weights, name => members[name][i], validationConstant[i])).ToArray();
            var validationScales = ConformalInterval.Scales(validation);
            var interval = ConformalInterval.Fit(actual, validationEnsemble, validation.HourEndings, validationScales);
            var validationWidths = Enumerable.Range(0, validation.Count).Select(i =>
            {
                var (low, high) = interval.Around(validationEnsemble[i], validation.HourEndings[i], validationScales[i]);
                return high - low;
            }).ToArray();
            var referenceWidth = validationWidths.Order().ElementAt(validationWidths.Length / 2);
            double[]? validationSizes = request.SizeByWidth ? [.. validationWidths.Select(width => Size(referenceWidth, width))] : null;
            var theta = request.Theta ?? VirtualBids.ChooseTheta(validationEnsemble, actual, request.Cost, validationSizes);
            var constantTheta = request.Theta ?? VirtualBids.ChooseTheta(validationConstant, actual, request.Cost);

            var level = TargetScale.Fit(train);
            var unconditional = Unconditional.Fit(train);
            var testScales = ConformalInterval.Scales(test);
            var index = models.Select((name, m) => (name, m)).ToDictionary(pair => pair.name, pair => pair.m, StringComparer.Ordinal);
            var predictions = new BacktestPrediction[test.Count];
            for (var i = 0; i < test.Count; i++)
            {
                var row = i;
                var values = trained.Select(t => Math.Round((double)t.Result.Test[row], 4)).ToArray();
                var constant = level.Level(test.Points[i], test.HourEndings[i]);
                var ensemble = Math.Round(EnsembleWeights.Combine(weights, name => values[index[name]], constant), 4);
                var (p10, p90) = interval.Around(ensemble, test.HourEndings[i], testScales[i]);
                var (u10, u90) = unconditional.Of(test.Points[i], test.HourEndings[i]);
                var size = request.SizeByWidth ? Size(referenceWidth, p90 - p10) : 1;
                predictions[i] = new BacktestPrediction(test.Points[i], test.HoursUtc[i], test.Days[i], test.HourEndings[i], test.Target[i], values,
                    ensemble, Math.Round(constant, 4), test.WeekAgo[i], Math.Round(p10, 4), Math.Round(p90, 4), Math.Round(u10, 4), Math.Round(u90, 4),
                    VirtualBids.Position(ensemble, theta, size), VirtualBids.Position(constant, constantTheta));
            }
            var described = models.Select((name, m) =>
            {
                var state = trained[m].Result.Forecaster.State;
                return (name, new FoldModel(state.ChosenIterations, state.Iterations, state.DroppedFeatures,
                    Math.Round(EnsembleWeights.Mae(actual, members[name]), 4), Math.Round(constantMae, 4), weights.GetValueOrDefault(name) > 0,
                    Math.Round(trained[m].Result.Seconds, 2), state.Candidate, state.Search));
            }).ToDictionary(pair => pair.name, pair => pair.Item2);
            return new BacktestFoldResult(fold, train.Count, described, weights, predictions, Math.Round(clock.Elapsed.TotalSeconds, 2),
                new FoldDecisions(theta, constantTheta, interval, Math.Round(referenceWidth, 4)));
        }
        finally
        {
            foreach (var task in trained)
            {
                task.Result.Forecaster.Dispose();
            }
        }
    }

    /// <summary>Position size when sized by width: the reference width over the row's, between 0.25 and 2 MW.</summary>
    private static double Size(double referenceWidth, double width) => width <= 0 ? 2 : Math.Round(Math.Clamp(referenceWidth / width, 0.25, 2), 4);
}

/// <summary>The training block's own 10% and 90% quantiles of DART per point and hour ending: the interval that knows nothing of the day.</summary>
internal sealed class Unconditional
{
    private readonly Dictionary<(string Point, int Hour), (double Low, double High)> _cells;

    private Unconditional(Dictionary<(string Point, int Hour), (double Low, double High)> cells) => _cells = cells;

    public static Unconditional Fit(DartDataset train) => new(Enumerable.Range(0, train.Count)
        .GroupBy(i => (train.Points[i], train.HourEndings[i]))
        .ToDictionary(cell => cell.Key, cell =>
        {
            var sorted = cell.Select(i => (double)train.Target[i]).Order().ToArray();
            return (sorted[(int)Math.Floor(0.1 * (sorted.Length - 1))], sorted[(int)Math.Ceiling(0.9 * (sorted.Length - 1))]);
        }));

    public (double Low, double High) Of(string point, int hourEnding) => _cells.TryGetValue((point, hourEnding), out var cell) ? cell : (double.NaN, double.NaN);
}

/// <summary>Where a backtest is: folds done of all, the fold at hand and what it is doing.</summary>
public sealed record BacktestProgress(int FoldsDone, int Folds, BacktestFold Fold, string Stage);

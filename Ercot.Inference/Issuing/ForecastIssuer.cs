using System.Diagnostics;
using Ercot.Core.Forecasts;
using Ercot.Core.Storage;
using Ercot.Core.Time;
using Ercot.Inference.Scoring;
using Ercot.Models;
using Ercot.Models.Forecasting;
using Ercot.Models.Issuing;

namespace Ercot.Inference.Issuing;

/// <summary>
/// Issues an operating day's forecast for every settlement point the feature store holds that day: the champion set's
/// ensemble with its 80% band, each champion's own forecast and band, each shadow challenger's (recorded, never the
/// answer), the per-point-and-hour constant of the trailing year (what a spreadsheet would say), the inputs each row
/// lacked, and the bid the latest backtest's rule suggests. Written as a new immutable revision; one issued after the
/// gate is marked late. The scheduled issue is issued once a day: asked again, it answers the revision it already made.
/// </summary>
public sealed partial class ForecastIssuer(
    ChampionHolder champions, ShadowModels shadows, FeatureStoreReader features, IArtifactStore artifacts, IssueStatus status, TimeProvider time,
    ILogger<ForecastIssuer> logger) : IDisposable
{
    public const string Scheduled = "schedule";
    private static readonly ActivitySource Source = new("Ercot.Inference");
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public IssuedForecastStore Store { get; } = new(artifacts);

    public async Task<IssuedForecast> IssueAsync(DateOnly day, string trigger, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        using var activity = Source.StartActivity("issue forecast");
        activity?.SetTag("ercot.day", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).SetTag("ercot.trigger", trigger);
        try
        {
            if (trigger == Scheduled && (await Store.RevisionsAsync(day, cancellationToken)).LastOrDefault(revision => revision.Trigger == Scheduled) is { } done)
            {
                return (await Store.ReadAsync(day, done.Revision, cancellationToken))!;
            }
            var (manifest, hours) = await ComposeAsync(day, trigger, cancellationToken);
            var issued = await Store.WriteAsync(manifest, hours, cancellationToken);
            status.Succeeded(day, issued.Manifest.Revision, issued.Manifest.IssuedAt);
            LogIssued(logger, day, issued.Manifest.Revision, issued.Manifest.Points.Count, issued.Hours.Count, issued.Manifest.Late, issued.Manifest.RowsWithMissingInputs);
            activity?.SetTag("ercot.revision", issued.Manifest.Revision).SetTag("ercot.rows", issued.Hours.Count);
            return issued;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            status.Failed(day, time.GetUtcNow(), e.Message);
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            LogFailed(logger, day, e.Message);
            throw;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    private async Task<(IssueManifest Manifest, List<IssuedHour> Hours)> ComposeAsync(DateOnly day, string trigger, CancellationToken cancellationToken)
    {
        var models = champions.Current
            ?? throw new IssueException("No model loaded", "No champion model is loaded yet; train and publish one first.", StatusCodes.Status503ServiceUnavailable);
        DartDataset rows;
        string schemaHash;
        try
        {
            (rows, schemaHash) = await features.LoadAsync(day, day, withTargetOnly: false, settlementPoint: null, cancellationToken);
        }
        catch (TrainingDataException e)
        {
            throw new IssueException("No features for that day", $"The features of {day:yyyy-MM-dd} are not built: {e.Message}", StatusCodes.Status409Conflict);
        }
        if (rows.Count == 0)
        {
            throw new IssueException("No features for that day",
                $"The feature store has no rows for {day:yyyy-MM-dd}; build that day's features first (POST /features/builds).", StatusCodes.Status409Conflict);
        }
        if (schemaHash != models.SchemaHash)
        {
            throw new IssueException("Feature schema mismatch",
                $"The feature store has schema {schemaHash}; the served models were trained on {models.SchemaHash}. Retrain or rebuild.", StatusCodes.Status409Conflict);
        }
        var scoreRequest = new ScoreRequest(LoadedModels.Ensemble,
            [.. Enumerable.Range(0, rows.Count).Select(i => new ScoreRow(rows.Points[i], rows.HoursUtc[i], rows.Row(i).ToArray()))]);
        var ensemble = Scorer.Score(scoreRequest, models).Predictions;
        var perModel = models.Models.Keys.ToDictionary(name => name, name => Scorer.Score(scoreRequest with { Model = name }, models).Predictions);
        using var shadow = await shadows.LoadAsync(models.SchemaHash, cancellationToken);
        var perShadow = shadow?.Models.Keys.ToDictionary(name => name, name => Scorer.Score(scoreRequest with { Model = name }, shadow).Predictions) ?? [];
        var constant = await ConstantAsync(day, cancellationToken);
        var rule = await BidRules.LatestAsync(artifacts, cancellationToken);

        var hours = new List<IssuedHour>(rows.Count);
        var missing = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var label = ErcotTime.ToErcotHour(rows.HoursUtc[i]);
            foreach (var input in ensemble[i].MissingInputs)
            {
                missing[input] = missing.GetValueOrDefault(input) + 1;
            }
            hours.Add(new IssuedHour(rows.Points[i], rows.HoursUtc[i], label.HourEnding, label.IsRepeated, ensemble[i].Dart, ensemble[i].P10, ensemble[i].P90,
                constant is null ? null : Math.Round(constant.Level(rows.Points[i], label.HourEnding), 4),
                perModel.ToDictionary(pair => pair.Key, pair => new ModelForecast(pair.Value[i].Dart, pair.Value[i].P10, pair.Value[i].P90)),
                perShadow.ToDictionary(pair => pair.Key, pair => new ModelForecast(pair.Value[i].Dart, pair.Value[i].P10, pair.Value[i].P90)),
                ensemble[i].MissingInputs, rule?.Suggest(ensemble[i].Dart)));
        }
        var now = time.GetUtcNow();
        var gate = new DateTimeOffset(ErcotTime.GateClosureUtc(day), TimeSpan.Zero);
        var manifest = new IssueManifest(day, 0, now, gate, now > gate, trigger, models.Versions, shadow?.Versions ?? new Dictionary<string, string>(),
            models.SchemaHash, [.. rows.Points.Distinct().Order(StringComparer.Ordinal)], hours.Count, hours.Count(hour => hour.MissingInputs.Count > 0),
            missing, rule, "");
        return (manifest, hours);
    }

    /// <summary>The per-point-and-hour median DART of the year before the gate (days up to D−2, the last whose real-time prices are all known), or none without history.</summary>
    private async Task<TargetScale?> ConstantAsync(DateOnly day, CancellationToken cancellationToken)
    {
        try
        {
            var (history, _) = await features.LoadAsync(day.AddDays(-366), day.AddDays(-2), cancellationToken);
            return history.Count == 0 ? null : TargetScale.Fit(history);
        }
        catch (TrainingDataException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued the forecast of {Day}: revision {Revision}, {Points} point(s), {Rows} rows, late {Late}, {Missing} row(s) with missing inputs")]
    private static partial void LogIssued(ILogger logger, DateOnly day, int revision, int points, int rows, bool late, int missing);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Issuing the forecast of {Day} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, DateOnly day, string reason);
}

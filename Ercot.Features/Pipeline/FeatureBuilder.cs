using System.Diagnostics;
using System.Globalization;
using Ercot.Core.Schema.Features;
using Ercot.Core.Sources;
using Ercot.Core.Storage;
using Ercot.Core.Time;

namespace Ercot.Features.Pipeline;

/// <summary>
/// Builds the hourly feature file: stages the source tables for the range (plus the look-back the
/// features need), runs <see cref="FeatureSql"/> in DuckDB, writes one Parquet partition per delivery
/// month through the artifact store (each month rewritten whole, stale files removed), then the schema.
/// One build at a time per process; running the same build twice gives the same files.
/// </summary>
public sealed partial class FeatureBuilder(IErcotStore store, IArtifactStore artifacts, TimeProvider time, ILogger<FeatureBuilder> logger)
{
    public const string DataPrefix = "features/hourly_features.parquet/";

    /// <summary>Days before the first built day that the features look back on (28-day windows from D−2, D−7 lags).</summary>
    public const int LookbackDays = 35;

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public async Task<FeatureBuildReport> BuildAsync(FeatureBuildRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Problem(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)) is { } problem)
        {
            throw new ArgumentException(problem, nameof(request));
        }
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            using var work = FeatureWorkFolders.Create();
            return await BuildLockedAsync(request, work.Path, cancellationToken);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private async Task<FeatureBuildReport> BuildLockedAsync(FeatureBuildRequest request, string work, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var schema = FeatureSchema.Current;
        var stagedFrom = request.GridFrom.AddDays(-LookbackDays);
        var fromUtc = ErcotTime.DayStartUtc(stagedFrom);
        var toUtc = ErcotTime.DayStartUtc(request.To.AddDays(1));
        LogBuilding(logger, request.GridFrom, request.To, store.Location);

        await using var workspace = await FeatureWorkspace.OpenAsync(Path.Combine(work, "spill"), cancellationToken);
        var rowsRead = await workspace.StageAsync(store, fromUtc, toUtc, cancellationToken);
        await workspace.WriteHoursAsync(stagedFrom, request.To, request.GridFrom, request.To, cancellationToken);
        await workspace.WritePointsAsync(request.Points ?? [], cancellationToken);
        foreach (var statement in FeatureSql.Prepare)
        {
            await workspace.ExecuteAsync(statement, cancellationToken);
        }
        await workspace.ExecuteAsync($"CREATE TEMP TABLE features AS {FeatureSql.Select}", cancellationToken);
        var rows = await ScalarAsync(workspace, "SELECT count(*) FROM features", cancellationToken);
        if (rows == 0)
        {
            throw new InvalidOperationException(
                $"No settlement points: {store.Location} holds no hour with both a DAM and a real-time price between {stagedFrom:yyyy-MM-dd} and {request.To:yyyy-MM-dd}.");
        }
        // One rule for every range: a month that has ended must have something to learn from. Rows without a
        // target are built for hours still to come (tomorrow's forecast), never for a past the store does not hold.
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var emptyMonths = (await workspace.QueryAsync("SELECT CAST(delivery_month AS VARCHAR) FROM features GROUP BY 1 HAVING count(dart) = 0 ORDER BY 1", cancellationToken))
            .Select(row => (string)row[0]!)
            .Where(month => DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(1) <= today)
            .ToList();
        if (emptyMonths.Count > 0)
        {
            throw new InvalidOperationException(
                $"No target in {emptyMonths.Count} month(s) of {request.GridFrom:yyyy-MM-dd}..{request.To:yyyy-MM-dd} ({string.Join(", ", emptyMonths.Take(6))}{(emptyMonths.Count > 6 ? ", …" : "")}): " +
                $"{store.Location} holds no hour with both a DAM and a real-time price in them. Build a range the source covers, or import those months first.");
        }
        if (request.Points is { Count: > 0 } requested)
        {
            var built = (await workspace.QueryAsync("SELECT p FROM points", cancellationToken)).Select(row => (string)row[0]!).ToHashSet(StringComparer.Ordinal);
            if (requested.Where(point => !built.Contains(point)).ToList() is { Count: > 0 } unknown)
            {
                throw new ArgumentException(
                    $"No target for settlement point(s) {string.Join(", ", unknown)} between {stagedFrom:yyyy-MM-dd} and {request.To:yyyy-MM-dd}: import their DAM and real-time prices, or leave them out.");
            }
        }

        var output = Path.Combine(work, "out");
        await workspace.ExecuteAsync(
            // Ordered, so that a rebuild of the same data writes the same bytes.
            $"COPY (SELECT * FROM features ORDER BY settlement_point, delivery_hour_utc) TO {FeatureWorkspace.Literal(output)} " +
            "(FORMAT parquet, PARTITION_BY (delivery_month), WRITE_PARTITION_COLUMNS true, " +
            $"KV_METADATA {{schema_hash: {FeatureWorkspace.Literal(schema.Hash)}}})",
            cancellationToken);
        var months = await PublishPartitionsAsync(output, cancellationToken);
        await artifacts.WriteAsync(ArtifactPaths.FeatureSchema, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(schema.ToJson())), cancellationToken);

        var report = new FeatureBuildReport(
            request.GridFrom, request.To, fromUtc, toUtc, rowsRead, rows, months,
            Points: (int)await ScalarAsync(workspace, "SELECT count(DISTINCT settlement_point) FROM features", cancellationToken),
            MissingTargetHoursPerPoint: await CountsAsync(workspace, "SELECT settlement_point, count(*) FILTER (WHERE dart IS NULL) FROM features GROUP BY 1 ORDER BY 1", cancellationToken),
            NullSharePerFeature: await NullSharesAsync(workspace, cancellationToken),
            TargetSources: await CountsAsync(workspace, "SELECT coalesce(rt_source, 'none'), count(*) FROM features GROUP BY 1 ORDER BY 1", cancellationToken),
            SchemaHash: schema.Hash,
            DurationSeconds: Math.Round(clock.Elapsed.TotalSeconds, 2));
        LogBuilt(logger, rows, months.Count, report.DurationSeconds);
        return report;
    }

    /// <summary>Uploads each month's files, then removes any file of that month the new build did not write.</summary>
    private async Task<List<string>> PublishPartitionsAsync(string output, CancellationToken cancellationToken)
    {
        var months = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(output).Order(StringComparer.Ordinal))
        {
            var partition = Path.GetFileName(folder);
            var prefix = $"{DataPrefix}{partition}/";
            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(folder, "*.parquet").Order(StringComparer.Ordinal))
            {
                var path = prefix + Path.GetFileName(file);
                await using (var stream = File.OpenRead(file))
                {
                    await artifacts.WriteAsync(path, stream, cancellationToken);
                }
                written.Add(path);
            }
            await foreach (var stale in artifacts.ListAsync(prefix, cancellationToken))
            {
                if (!written.Contains(stale.Path))
                {
                    await artifacts.DeleteAsync(stale.Path, cancellationToken);
                }
            }
            months.Add(partition["delivery_month=".Length..]);
        }
        return months;
    }

    private static async Task<long> ScalarAsync(FeatureWorkspace workspace, string sql, CancellationToken cancellationToken) =>
        Convert.ToInt64((await workspace.QueryAsync(sql, cancellationToken))[0][0], CultureInfo.InvariantCulture);

    private static async Task<Dictionary<string, long>> CountsAsync(FeatureWorkspace workspace, string sql, CancellationToken cancellationToken) =>
        (await workspace.QueryAsync(sql, cancellationToken)).ToDictionary(
            row => (string)row[0]!, row => Convert.ToInt64(row[1], CultureInfo.InvariantCulture));

    private static async Task<Dictionary<string, double>> NullSharesAsync(FeatureWorkspace workspace, CancellationToken cancellationToken)
    {
        var features = FeatureCatalog.All;
        var row = (await workspace.QueryAsync(
            $"SELECT {string.Join(", ", features.Select(feature => $"avg(CASE WHEN {feature.Name} IS NULL THEN 1.0 ELSE 0.0 END)"))} FROM features",
            cancellationToken))[0];
        return features.Select((feature, i) => (feature.Name, Share: Math.Round(Convert.ToDouble(row[i], CultureInfo.InvariantCulture), 4)))
            .ToDictionary(pair => pair.Name, pair => pair.Share);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Building features for {From}..{To} from {Source}")]
    private static partial void LogBuilding(ILogger logger, DateOnly from, DateOnly to, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Built {Rows} feature rows in {Months} month partition(s) in {Seconds} s")]
    private static partial void LogBuilt(ILogger logger, long rows, int months, double seconds);
}

using Ercot.Core.Forecasts;
using Ercot.Core.Storage;
using Ercot.Models.Backtesting;

namespace Ercot.Models.Issuing;

/// <summary>
/// What the newest finished backtest in the artifact store says about live trading: its bid rule — θ as its last fold chose it
/// on validation rows (never on test rows) and its round-trip cost — and the walk-forward skill live forecasts can be held to.
/// Without a finished backtest there is no rule and nothing is suggested.
/// </summary>
public static class BidRules
{
    public static async Task<BidRule?> LatestAsync(IArtifactStore artifacts, CancellationToken cancellationToken) =>
        (await LatestBacktestAsync(artifacts, cancellationToken)) is { } latest ? RuleOf(latest.Id, latest.Report) : null;

    /// <summary>The newest backtest report that chose a θ, with its id.</summary>
    public static async Task<(string Id, BacktestReport Report)?> LatestBacktestAsync(IArtifactStore artifacts, CancellationToken cancellationToken)
    {
        var reports = new List<ArtifactInfo>();
        await foreach (var info in artifacts.ListAsync(BacktestPaths.Root, cancellationToken))
        {
            if (info.Path.EndsWith("/report.json", StringComparison.Ordinal))
            {
                reports.Add(info);
            }
        }
        foreach (var info in reports.OrderByDescending(info => info.LastModified).ThenByDescending(info => info.Path, StringComparer.Ordinal))
        {
            var report = await artifacts.ReadJsonAsync<BacktestReport>(info.Path, BacktestReport.JsonOptions, cancellationToken);
            var id = info.Path[BacktestPaths.Root.Length..^"/report.json".Length];
            if (report is not null && RuleOf(id, report) is not null)
            {
                return (id, report);
            }
        }
        return null;
    }

    private static BidRule? RuleOf(string id, BacktestReport report) =>
        report.Folds.LastOrDefault(fold => fold.Decisions is not null) is { Decisions: { } decisions } ? new BidRule(id, decisions.Theta, report.Request.Cost) : null;
}

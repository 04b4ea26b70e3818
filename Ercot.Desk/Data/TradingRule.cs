using System.Collections.Concurrent;

namespace Ercot.Desk.Data;

/// <summary>
/// The rule the desk suggests bids by: INC where the forecast DART is above +θ, DEC where it is below −θ — with θ as the
/// latest finished backtest chose it on its last fold's validation rows (never on test rows), and that backtest's cost.
/// Without a finished backtest there is no θ and the desk suggests nothing.
/// </summary>
public sealed record TradingRule(string BacktestId, double Theta, double Cost, DateOnly ChosenOnFoldTrainedTo)
{
    public string? Suggest(double forecast) => forecast > Theta ? "INC" : forecast < -Theta ? "DEC" : null;
}

/// <summary>Finds the <see cref="TradingRule"/> of the newest finished backtest; reports are read once (they never change).</summary>
public sealed class TradingRules(ErcotServices services, BacktestFiles files)
{
    private readonly ConcurrentDictionary<string, TradingRule?> _byBacktest = new(StringComparer.Ordinal);

    public async Task<TradingRule?> LatestAsync(IReadOnlyList<BacktestJob> backtests, CancellationToken cancellationToken)
    {
        foreach (var backtest in backtests.Where(job => job.State == "Succeeded").OrderByDescending(job => job.FinishedAt))
        {
            if (!_byBacktest.TryGetValue(backtest.Id, out var rule))
            {
                var report = await files.ReportAsync(backtest.Id, cancellationToken);
                rule = report?.Folds.LastOrDefault(fold => fold.Decisions is not null) is { Decisions: { } decisions } last
                    ? new TradingRule(backtest.Id, decisions.Theta, report.Request.Cost, last.Fold.TrainTo)
                    : null;
                _byBacktest[backtest.Id] = rule;
            }
            if (rule is not null)
            {
                return rule;
            }
        }
        return null;
    }

    public async Task<TradingRule?> LatestAsync(CancellationToken cancellationToken) =>
        (await services.BacktestsAsync(cancellationToken)).Value is { } backtests ? await LatestAsync(backtests, cancellationToken) : null;
}

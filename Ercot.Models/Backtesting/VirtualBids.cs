namespace Ercot.Models.Backtesting;

/// <summary>
/// Virtual bids decided at the gate from a DART forecast, 1 MW an hour: INC (sell day-ahead, buy back in real
/// time; earns DART) when the forecast exceeds +θ, DEC (buy day-ahead, sell in real time; earns −DART) when it is
/// below −θ, nothing otherwise. Each traded MWh pays a round-trip cost. θ is chosen on validation rows only.
/// </summary>
public static class VirtualBids
{
    /// <summary>The thresholds tried on validation, $/MWh.</summary>
    public static readonly IReadOnlyList<double> ThetaGrid = [0, 0.5, 1, 1.5, 2, 3, 4, 5, 7.5, 10, 15, 20];

    public const double DefaultCost = 0.5;

    /// <summary>+1 INC, −1 DEC, 0 no trade, times <paramref name="size"/> MW.</summary>
    public static double Position(double forecast, double theta, double size = 1) => forecast > theta ? size : forecast < -theta ? -size : 0;

    /// <summary>What a position earns on an hour's actual DART, after the round-trip cost on every MWh traded.</summary>
    public static double Pnl(double position, double dart, double cost) => Ercot.Core.Forecasts.BidRule.Pnl(position, dart, cost);

    /// <summary>The θ of the grid with the highest total PnL on the given rows (the larger θ on a tie: fewer trades).</summary>
    public static double ChooseTheta(IReadOnlyList<double> forecast, IReadOnlyList<double> actual, double cost, IReadOnlyList<double>? sizes = null)
    {
        var best = (Theta: ThetaGrid[0], Pnl: double.NegativeInfinity);
        foreach (var theta in ThetaGrid)
        {
            double total = 0;
            for (var i = 0; i < actual.Count; i++)
            {
                total += Pnl(Position(forecast[i], theta, sizes?[i] ?? 1), actual[i], cost);
            }
            if (total >= best.Pnl)
            {
                best = (theta, total);
            }
        }
        return best.Theta;
    }
}

/// <summary>
/// A strategy's trading record on a set of hours: hours, hours traded, precision (the share of traded hours whose
/// position had the sign of the actual DART), PnL per traded MWh and in total after costs ($), the daily Sharpe
/// ratio (mean over standard deviation of daily PnL, every test day counted, not annualised) and the largest
/// peak-to-trough fall of cumulative daily PnL ($).
/// </summary>
public sealed record TradingMetrics(int Hours, int HoursTraded, double Precision, double PnlPerMwh, double TotalPnl, double DailySharpe, double MaxDrawdown)
{
    public static TradingMetrics Of(IReadOnlyList<(DateOnly Day, double Position, double Actual)> hours, double cost)
    {
        int traded = 0, right = 0;
        double mwh = 0, total = 0;
        var daily = new SortedDictionary<DateOnly, double>();
        foreach (var (day, position, actual) in hours)
        {
            var pnl = VirtualBids.Pnl(position, actual, cost);
            daily[day] = daily.GetValueOrDefault(day) + pnl;
            total += pnl;
            if (position != 0)
            {
                traded++;
                mwh += Math.Abs(position);
                right += Math.Sign(position) == Math.Sign(actual) ? 1 : 0;
            }
        }
        var days = daily.Values.ToArray();
        var mean = days.Length == 0 ? 0 : days.Average();
        var sd = days.Length < 2 ? 0 : Math.Sqrt(days.Sum(value => (value - mean) * (value - mean)) / (days.Length - 1));
        double peak = 0, cumulative = 0, drawdown = 0;
        foreach (var value in days)
        {
            cumulative += value;
            peak = Math.Max(peak, cumulative);
            drawdown = Math.Max(drawdown, peak - cumulative);
        }
        return new TradingMetrics(hours.Count, traded, traded == 0 ? double.NaN : Math.Round((double)right / traded, 4), mwh == 0 ? double.NaN : Math.Round(total / mwh, 4),
            Math.Round(total, 2), sd == 0 ? double.NaN : Math.Round(mean / sd, 4), Math.Round(drawdown, 2));
    }
}

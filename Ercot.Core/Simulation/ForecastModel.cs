namespace Ercot.Core.Simulation;

/// <summary>
/// Forecast vintages of wind, solar and load. The error grows with the horizon, carries a day-level
/// regime (so recent, already-published errors hint at the next ones) and, for wind, a level-dependent
/// bias (windy forecasts run high): signal a model can learn, buried in noise it cannot.
/// </summary>
public sealed class ForecastModel(HourlyFundamentals hours, Noise noise)
{
    private static double Sigma(double horizonHours, double near, double far) => near + far * (1 - Math.Exp(-horizonHours / 30));

    private static double Horizon(HourlyFundamentals hours, int i, DateTime postedUtc) =>
        Math.Max(1, (hours.StartUtc(i) - postedUtc).TotalHours);

    private static long PostingKey(DateTime postedUtc) => postedUtc.Ticks / TimeSpan.TicksPerMinute;

    /// <summary>Short-term wind forecast (STWPF) of region <paramref name="region"/> for hour <paramref name="i"/>, as posted at <paramref name="postedUtc"/>.</summary>
    public double Wind(int region, int i, DateTime postedUtc)
    {
        var capacity = SimulatedMarket.WindCapacityMw * SimulatedMarket.WindRegions[region].Share;
        var factor = hours.Wind[region][i] / capacity;
        var posting = PostingKey(postedUtc);
        var error = Sigma(Horizon(hours, i, postedUtc), 0.03, 0.07) * (
            0.65 * hours.WindRegime[hours.DayIndex[i]]
            + 0.45 * noise.Normal(Draw.ForecastPosting, posting, hours.Key(i) / 6 * 8 + region)
            + 0.35 * noise.Normal(Draw.ForecastHour, posting, hours.Key(i) * 8 + region));
        var bias = 0.06 * Math.Tanh(4 * (factor - 0.45));
        return Math.Clamp(factor + bias + error, 0, 0.97) * capacity;
    }

    /// <summary>Short-term solar forecast (STPPF) for hour <paramref name="i"/>.</summary>
    public double Solar(int i, DateTime postedUtc)
    {
        var clear = hours.SolarClearSky[i];
        if (clear <= 0)
        {
            return 0;
        }
        var posting = PostingKey(postedUtc);
        var cloud = hours.Cloud[hours.DayIndex[i]] + Sigma(Horizon(hours, i, postedUtc), 0.03, 0.12) * (
            0.7 * hours.SolarRegime[hours.DayIndex[i]] + 0.5 * noise.Normal(Draw.ForecastPosting, posting, hours.Key(i) / 6 * 8 + 7));
        return Math.Clamp(cloud, 0.05, 1.05) * clear;
    }

    /// <summary>The load forecast the day-ahead market clears against (not itself a published table).</summary>
    public double Load(int i, DateTime postedUtc)
    {
        var error = Sigma(Horizon(hours, i, postedUtc), 0.012, 0.02) * (
            0.6 * hours.LoadRegime[hours.DayIndex[i]] + 0.5 * noise.Normal(Draw.ForecastHour, PostingKey(postedUtc), hours.Key(i) * 8 + 6));
        return hours.Load[i] * (1 + error);
    }
}

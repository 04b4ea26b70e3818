namespace Ercot.Core.Simulation;

/// <summary>
/// Prices from fundamentals: a convex merit order of net load against thermal capacity, scaled by
/// fuel, with a scarcity tail and an oversupply discount; and congestion from four constraints
/// whose shadow prices move each settlement point by its sensitivity.
/// </summary>
public static class PriceModel
{
    /// <summary>System energy price ($/MWh) for a net load against the available thermal fleet.</summary>
    public static double SystemLambda(double netLoad, double thermalCapacity, double fuel, double renewableShare)
    {
        var x = netLoad / thermalCapacity;
        var heatRate = 6.2 + 9.0 * x * x;
        var scarcity = 1_400 * Math.Exp((Math.Min(x, 1.05) - 1) / 0.065);
        var oversupply = renewableShare > 0.65 ? 30 * (renewableShare - 0.65) / 0.2 : 0;
        return Math.Min(PriceCap, fuel * heatRate + scarcity - oversupply);
    }

    /// <summary>ERCOT's system-wide offer cap, $/MWh.</summary>
    public const double PriceCap = 5_000;

    /// <summary>A multiplicative shock with mean one: exp(σz − σ²/2).</summary>
    public static double Shock(double sigma, double z) => Math.Exp(sigma * z - sigma * sigma / 2);

    /// <summary>Tightness: net load over thermal capacity (≈1 means no reserves left).</summary>
    public static double Tightness(double netLoad, double thermalCapacity) => netLoad / thermalCapacity;

    /// <summary>Flows (MW) on the four constraints and their limits, from load, wind by region and solar.</summary>
    public static void Flows(double load, ReadOnlySpan<double> wind, double solar, Span<double> flows)
    {
        flows[0] = wind[0] - 0.02 * load;                      // Panhandle export
        flows[1] = wind[3] + 0.35 * solar - 0.08 * load;       // West to North
        flows[2] = 0.227 * load * 0.55;                        // Houston import
        flows[3] = wind[1] + wind[2] - 0.03 * load;            // Valley import
    }

    public static readonly double[] Limits = [2_300, 9_800, 8_600, 4_300];

    /// <summary>$ of shadow price per MW of overload, per constraint.</summary>
    public static readonly double[] Stiffness = [0.035, 0.020, 0.030, 0.030];

    /// <summary>The shadow price of one constraint for a flow against its (possibly de-rated) limit.</summary>
    public static double ShadowPrice(int constraint, double flow, double limit) =>
        Math.Max(0, flow - limit) * Stiffness[constraint];

    /// <summary>
    /// The day-ahead market's premium over the expected real-time price: ramps are bought dear, a tight
    /// forecast is bought dearer still (risk aversion), and a windy forecast is sold cheap. It depends
    /// only on what is known at the gate, which is what makes DART partly predictable.
    /// </summary>
    public static double DayAheadPremium(int localHour, double forecastTightness, double forecastWindShare)
    {
        var hour = localHour switch
        {
            6 or 7 or 8 => 0.03,
            18 or 19 or 20 => 0.04,
            15 or 16 => -0.04,
            _ => 0.0,
        };
        return hour + 0.5 * (forecastTightness - 0.5) - 0.4 * (forecastWindShare - 0.3);
    }
}

namespace Ercot.Core.Simulation;

/// <summary>The fixed facts of the simulated ERCOT: settlement points, constraints, zones and capacities.</summary>
public static class SimulatedMarket
{
    /// <summary>The constraints, in the order of <see cref="SimulatedPoint.Sensitivities"/>.</summary>
    public static IReadOnlyList<SimulatedConstraint> Constraints { get; } =
    [
        new("PNHNDL_GTC", "Panhandle export interface", "BASE CASE", "AMA_SW", "TULECNYN"),
        new("WEST_NORTH", "West to North stability limit", "DSNDERS8", "ODESSA_N", "BENBROOK"),
        new("HOU_IMPORT", "Houston import", "DSTP_KING", "SINGLTON", "ZENITH"),
        new("VALLEY_IMP", "Rio Grande Valley import", "DLIG_NUC", "LON_HILL", "RAYMNDVL"),
    ];

    private static SimulatedPoint Hub(string name, double pan, double west, double houston, double south, double factor = 1.0, double noise = 1.0) =>
        new(name, "HU", [pan, west, houston, south], factor, noise);

    private static SimulatedPoint Zone(string name, double pan, double west, double houston, double south, double factor) =>
        new(name, "LZ", [pan, west, houston, south], factor, 1.3);

    /// <summary>All points, in the order <c>--points N</c> takes them: the five trading hubs first.</summary>
    public static IReadOnlyList<SimulatedPoint> Points { get; } =
    [
        Hub("HB_NORTH", 0.08, 0.15, 0.05, 0.03),
        Hub("HB_HOUSTON", 0.05, 0.10, 0.60, 0.06),
        Hub("HB_SOUTH", 0.05, 0.06, 0.10, -0.45),
        Hub("HB_WEST", -0.25, -0.70, 0.05, 0.02),
        Hub("HB_PAN", -1.00, -0.45, 0.05, 0.00, factor: 0.97, noise: 1.5),
        Hub("HB_BUSAVG", 0.00, -0.08, 0.18, -0.07, noise: 0.5),
        Hub("HB_HUBAVG", -0.02, -0.10, 0.20, -0.09, noise: 0.5),
        Zone("LZ_NORTH", 0.08, 0.16, 0.05, 0.03, 1.01),
        Zone("LZ_HOUSTON", 0.05, 0.10, 0.64, 0.06, 1.01),
        Zone("LZ_SOUTH", 0.05, 0.07, 0.12, -0.50, 1.02),
        Zone("LZ_WEST", -0.28, -0.78, 0.05, 0.02, 1.01),
        Zone("LZ_AEN", 0.06, 0.12, 0.10, 0.10, 1.06),
        Zone("LZ_CPS", 0.05, 0.10, 0.12, 0.12, 1.06),
        Zone("LZ_LCRA", 0.06, 0.12, 0.10, 0.08, 1.08),
        Zone("LZ_RAYBN", 0.09, 0.17, 0.04, 0.03, 1.02),
    ];

    /// <summary>Resolves <c>--points</c>: a count (the first N) or comma-separated names.</summary>
    public static IReadOnlyList<SimulatedPoint> Select(string spec)
    {
        if (int.TryParse(spec, out var count))
        {
            return count is >= 1 and <= 15
                ? Points.Take(count).ToList()
                : throw new ArgumentException($"--points {spec}: choose 1..{Points.Count} points, or name them.", nameof(spec));
        }
        return spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => Points.FirstOrDefault(point => point.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"--points: unknown settlement point '{name}'; known: {string.Join(", ", Points.Select(p => p.Name))}.", nameof(spec)))
            .DistinctBy(point => point.Name)
            .ToList();
    }

    public const double WindCapacityMw = 38_000;
    public const double SolarCapacityMw = 24_000;

    /// <summary>Wind regions (table 9) and their share of wind capacity.</summary>
    public static readonly (string Region, double Share)[] WindRegions =
        [("PANHANDLE", 0.14), ("COASTAL", 0.12), ("SOUTH", 0.14), ("WEST", 0.45), ("NORTH", 0.15)];

    /// <summary>Forecast zones (table 1) and their share of load.</summary>
    public static readonly (string Zone, double Share)[] ForecastZones =
        [("NORTH", 0.327), ("SOUTH", 0.238), ("WEST", 0.208), ("HOUSTON", 0.227)];

    /// <summary>Weather zones (table 2) and their share of load.</summary>
    public static readonly (string Zone, double Share)[] WeatherZones =
        [("COAST", 0.254), ("EAST", 0.033), ("FAR_WEST", 0.151), ("NORTH", 0.030), ("NORTH_C", 0.286), ("SOUTHERN", 0.071), ("SOUTH_C", 0.146), ("WEST", 0.029)];
}

/// <summary>A transmission constraint the simulated SCED can bind.</summary>
public sealed record SimulatedConstraint(string Id, string Name, string Contingency, string FromStation, string ToStation);

using Ercot.Core.Time;

namespace Ercot.Core.Simulation;

/// <summary>
/// The simulated system hour by hour: weather, load, wind by region, solar, thermal capacity and fuel,
/// and the day-level forecast-error regimes. Hourly series are small (a year is 8,760 values), so they
/// are computed once for the whole range; the sub-hourly SCED data is generated day by day from them.
/// Every draw is keyed by the absolute hour or day (<see cref="Key"/>, <see cref="DayKey"/>), and the persistent
/// processes start <see cref="BurnInDays"/> before the range, long enough for their start to be forgotten: a day's
/// values do not depend on which range it was simulated in, so a live replica can simulate a few days at a time.
/// </summary>
public sealed class HourlyFundamentals
{
    private static readonly double[] DailyShape =
    [
        0.86, 0.83, 0.81, 0.80, 0.81, 0.85, 0.91, 0.95, 0.97, 0.99, 1.01, 1.03,
        1.05, 1.07, 1.09, 1.11, 1.13, 1.14, 1.13, 1.11, 1.08, 1.03, 0.97, 0.91,
    ];

    /// <summary>Days simulated before the range and thrown away: the slowest process (daily outages, 0.8 a day) forgets its start to below a rounding error.</summary>
    public const int BurnInDays = 180;

    private static readonly DateTime Epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly DateTime _firstUtc;
    private readonly DateOnly _firstDay;

    public HourlyFundamentals(Noise noise, DateOnly firstDay, DateOnly lastDay)
    {
        firstDay = firstDay.AddDays(-BurnInDays);
        _firstDay = firstDay;
        _firstUtc = ErcotTime.DayStartUtc(firstDay);
        Count = (int)(ErcotTime.DayStartUtc(lastDay.AddDays(1)) - _firstUtc).TotalHours;
        var days = lastDay.DayNumber - firstDay.DayNumber + 1;

        Temperature = new double[Count];
        Load = new double[Count];
        Solar = new double[Count];
        SolarClearSky = new double[Count];
        ThermalCapacity = new double[Count];
        Fuel = new double[Count];
        Wind = [.. SimulatedMarket.WindRegions.Select(_ => new double[Count])];
        WindRegime = new double[days];
        SolarRegime = new double[days];
        LoadRegime = new double[days];
        PriceRegime = new double[days];
        Cloud = new double[days];
        DayIndex = new int[Count];
        LocalHour = new int[Count];

        var anomaly = new double[days];
        var outage = new double[days];
        for (var d = 0; d < days; d++)
        {
            var date = firstDay.AddDays(d);
            var day = (long)date.DayNumber;
            var winter = date.Month is 12 or 1 or 2;
            var coldSnap = winter && noise.Uniform(Draw.Temperature, day, 1) < 0.03 ? -13.0 : 0.0;
            anomaly[d] = (d == 0 ? 0 : 0.75 * anomaly[d - 1]) + 3.0 * noise.Normal(Draw.Temperature, day) + coldSnap;
            outage[d] = (d == 0 ? 0 : 0.8 * outage[d - 1]) + 1_500 * noise.Normal(Draw.Fuel, day, 7);
            WindRegime[d] = (d == 0 ? 0 : 0.6 * WindRegime[d - 1]) + 0.8 * noise.Normal(Draw.ForecastRegime, day, 1);
            SolarRegime[d] = (d == 0 ? 0 : 0.5 * SolarRegime[d - 1]) + 0.87 * noise.Normal(Draw.ForecastRegime, day, 2);
            LoadRegime[d] = (d == 0 ? 0 : 0.6 * LoadRegime[d - 1]) + 0.8 * noise.Normal(Draw.ForecastRegime, day, 3);
            PriceRegime[d] = (d == 0 ? 0 : 0.75 * PriceRegime[d - 1]) + 0.06 * noise.Normal(Draw.ForecastRegime, day, 4);
            Cloud[d] = Math.Clamp(0.82 + 0.16 * noise.Normal(Draw.Cloud, day) - (date.Month is 4 or 5 ? 0.08 : 0), 0.15, 1.0);
        }

        var loadNoise = 0.0;
        var windSystem = 0.0;
        var windRegion = new double[SimulatedMarket.WindRegions.Length];
        for (var i = 0; i < Count; i++)
        {
            var utc = _firstUtc.AddHours(i);
            var key = Key(i);
            var (local, _) = ErcotTime.ToLocal(utc);
            var d = DateOnly.FromDateTime(local).DayNumber - firstDay.DayNumber;
            DayIndex[i] = d;
            LocalHour[i] = local.Hour;
            var season = 2 * Math.PI * (local.DayOfYear - 111) / 365.25;
            var dayMean = 19.5 + 9.5 * Math.Sin(season) + anomaly[d];
            Temperature[i] = dayMean + 5.5 * Math.Sin(2 * Math.PI * (local.Hour - 9) / 24.0);

            var effective = 0.6 * Temperature[i] + 0.4 * dayMean;
            var cooling = 1_100 * Math.Pow(Math.Max(effective - 21, 0), 1.15);
            var heating = 1_500 * Math.Pow(Math.Max(10 - effective, 0), 1.15);
            var weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.94 : 1.0;
            var growth = 1 + 0.04 * (local.Year - 2023 + local.DayOfYear / 365.0);
            loadNoise = 0.9 * loadNoise + 0.005 * noise.Normal(Draw.LoadNoise, key);
            Load[i] = (41_000 + cooling + heating) * DailyShape[local.Hour] * weekend * growth * (1 + loadNoise);

            windSystem = 0.985 * windSystem + 0.032 * noise.Normal(Draw.Wind, key);
            var windBase = 0.40 + 0.08 * Math.Cos(2 * Math.PI * (local.DayOfYear - 95) / 365.25)
                + 0.09 * Math.Cos(2 * Math.PI * (local.Hour - 1) / 24.0) + windSystem;
            for (var r = 0; r < windRegion.Length; r++)
            {
                windRegion[r] = 0.97 * windRegion[r] + 0.022 * noise.Normal(Draw.WindRegion, key, r);
                var offset = r switch { 0 => 0.06, 1 => -0.04 - 0.05 * Math.Cos(2 * Math.PI * (local.Hour - 16) / 24.0), 4 => -0.03, _ => 0.0 };
                Wind[r][i] = Math.Clamp(windBase + offset + windRegion[r], 0.01, 0.95) * SimulatedMarket.WindCapacityMw * SimulatedMarket.WindRegions[r].Share;
            }

            // Solar noon in Texas is about 18:30 UTC whatever the local clock says.
            var dayLength = 12 + 1.9 * Math.Sin(2 * Math.PI * (local.DayOfYear - 80) / 365.25);
            var angle = (utc.Hour + 0.5 - 18.5) / (dayLength / 2);
            var clear = Math.Abs(angle) >= 1 ? 0 : Math.Pow(Math.Cos(angle * Math.PI / 2), 1.3) * (0.80 + 0.10 * Math.Sin(2 * Math.PI * (local.DayOfYear - 80) / 365.25));
            var capacity = SimulatedMarket.SolarCapacityMw * growth;
            SolarClearSky[i] = clear * capacity;
            Solar[i] = Math.Max(0, SolarClearSky[i] * Cloud[d] * (1 + 0.07 * noise.Normal(Draw.Cloud, key, 1)));

            var maintenance = local.Month is 3 or 4 or 5 or 10 or 11 ? 13_000 : 0;
            ThermalCapacity[i] = 82_000 * growth - maintenance - outage[d];
            var coldFuel = 3.5 * Math.Max(0, 3 - dayMean) / 10;
            Fuel[i] = 2.3 + 0.35 * Math.Cos(2 * Math.PI * (local.DayOfYear - 15) / 365.25) + coldFuel + 0.15 * noise.Normal(Draw.Fuel, firstDay.DayNumber + (long)d);
        }
    }

    public int Count { get; }

    public double[] Temperature { get; }

    /// <summary>System load, MW.</summary>
    public double[] Load { get; }

    /// <summary>Wind output by region (see <see cref="SimulatedMarket.WindRegions"/>), MW.</summary>
    public double[][] Wind { get; }

    public double[] Solar { get; }

    public double[] SolarClearSky { get; }

    public double[] ThermalCapacity { get; }

    /// <summary>Gas price, $/MMBtu.</summary>
    public double[] Fuel { get; }

    /// <summary>Day-level forecast-error regimes: persistent, so yesterday's errors say something about tomorrow's.</summary>
    public double[] WindRegime { get; }

    public double[] SolarRegime { get; }

    public double[] LoadRegime { get; }

    /// <summary>
    /// A slow drift of real-time prices against the day-ahead market (log scale): weeks when real time
    /// runs rich or cheap. Persistent, so the DART of two days ago is a clue.
    /// </summary>
    public double[] PriceRegime { get; }

    public double[] Cloud { get; }

    public int[] DayIndex { get; }

    public int[] LocalHour { get; }

    public double WindTotal(int i) => Wind.Sum(region => region[i]);

    public double NetLoad(int i) => Load[i] - WindTotal(i) - Solar[i];

    /// <summary>The absolute number of hour <paramref name="i"/> (hours since 2000-01-01 UTC): what its random draws are keyed by.</summary>
    public long Key(int i) => (long)(_firstUtc - Epoch).TotalHours + i;

    /// <summary>The absolute number (<see cref="DateOnly.DayNumber"/>) of day index <paramref name="d"/>.</summary>
    public long DayKey(int d) => _firstDay.DayNumber + (long)d;

    public int IndexOf(DateTime utc) => (int)Math.Floor((utc - _firstUtc).TotalHours);

    public DateTime StartUtc(int i) => _firstUtc.AddHours(i);

    public int DayIndexOf(DateOnly day) => day.DayNumber - _firstDay.DayNumber;
}

using Ercot.Core.Schema;
using Ercot.Core.Time;

namespace Ercot.Core.Simulation;

public sealed partial class MarketSimulator
{
    // Forecast vintages are posted four times a day; 09:55 is the one the day-ahead market sees.
    private static readonly TimeOnly[] PostingTimes = [new(3, 55), new(9, 55), new(15, 55), new(21, 55)];
    private static readonly TimeOnly GateVintage = new(9, 55);
    private static readonly DateOnly EcrsLaunch = new(2023, 6, 10);

    // The day-ahead market prices only part of the congestion real time will see (it is hedged and less certain).
    private const double DayAheadCongestionShare = 0.7;

    // A flat premium for real-time risk ($/MWh): with episodes restarting each operating day (so a day depends on itself
    // alone) the simulated mean DART fell below the real year's band at two hubs (by up to 0.7 $/MWh); this restores it.
    private const double DayAheadRiskPremium = 1.6;

    private void SimulateLoad(int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            var hour = ErcotTime.ToErcotHour(_hours.StartUtc(i));
            Add(ErcotTables.LoadByForecastZone, ZoneRow(ErcotTables.LoadByForecastZone, hour, i, SimulatedMarket.ForecastZones, 0));
            Add(ErcotTables.LoadByWeatherZone, ZoneRow(ErcotTables.LoadByWeatherZone, hour, i, SimulatedMarket.WeatherZones, 10));
        }
    }

    private object?[] ZoneRow(ErcotTable table, ErcotHour hour, int i, (string Zone, double Share)[] zones, int stream)
    {
        var row = new RowWriter(table);
        row["OperDay"] = hour.DeliveryDate;
        row["HourEnding"] = hour.HourEnding;
        row["DSTFlag"] = hour.IsRepeated;
        row[ErcotTable.TimeColumn] = hour.StartUtc;
        var total = 0.0;
        for (var z = 0; z < zones.Length; z++)
        {
            var value = Round(_hours.Load[i] * zones[z].Share * (1 + 0.015 * _noise.Normal(Draw.ZoneShare, _hours.Key(i), stream + z)));
            row[zones[z].Zone] = value;
            total += value;
        }
        row["TOTAL"] = Round(total);
        return row.Row;
    }

    private static DateTime PostingUtc(DateOnly day, TimeOnly time, Noise noise) =>
        ErcotTime.LocalClockToUtc(day.ToDateTime(time), isRepeated: false)
            .AddSeconds(5 + (int)(50 * noise.Uniform(Draw.ForecastPosting, day.DayNumber, time.Hour)));

    /// <summary>
    /// Wind and solar rows for each delivery hour of the day: every posting of the two days before
    /// (and earlier the same day) within 48 hours, plus the "actual" posting two days after delivery.
    /// </summary>
    private void SimulateVintages(DateOnly day, int first, int count)
    {
        var postings = Enumerable.Range(-2, 3)
            .SelectMany(offset => PostingTimes.Select(time => PostingUtc(day.AddDays(offset), time, _noise)))
            .ToList();
        for (var i = first; i < first + count; i++)
        {
            var start = _hours.StartUtc(i);
            foreach (var posted in postings.Where(posted => posted < start && start - posted <= TimeSpan.FromHours(48)))
            {
                AddVintages(i, posted, actual: false);
            }
            AddVintages(i, ActualPostingUtc(start), actual: true);
        }
    }

    /// <summary>Two days after the hour ends, moved off the repeated hour so the local stamp names one instant.</summary>
    private static DateTime ActualPostingUtc(DateTime hourStartUtc)
    {
        var posted = hourStartUtc.AddHours(49).AddMinutes(-5);
        return ErcotTime.ToLocal(posted) is var (local, repeated) && (repeated || ErcotTime.Central.IsAmbiguousTime(local)) ? posted.AddHours(2) : posted;
    }

    private void AddVintages(int i, DateTime postedUtc, bool actual)
    {
        var hour = ErcotTime.ToErcotHour(_hours.StartUtc(i));
        var horizonPosting = actual ? _hours.StartUtc(i).AddMinutes(-65) : postedUtc;
        var (postedLocal, _) = ErcotTime.ToLocal(postedUtc);
        var posting = (long)(postedUtc.Ticks / TimeSpan.TicksPerSecond);

        var wind = NewForecastRow(ErcotTables.WindHourly, hour, postedLocal, postedUtc);
        var systemForecast = 0.0;
        var systemActual = 0.0;
        for (var r = 0; r < SimulatedMarket.WindRegions.Length; r++)
        {
            var region = SimulatedMarket.WindRegions[r].Region;
            var forecast = _forecasts.Wind(r, i, horizonPosting);
            systemForecast += forecast;
            systemActual += _hours.Wind[r][i];
            wind[$"STWPF_{region}"] = Round(forecast, 1);
            wind[$"WGRPP_{region}"] = Round(forecast * 0.88, 1);
            wind[$"COP_HSL_{region}"] = Round(forecast * (1 + 0.03 * _noise.Normal(Draw.ForecastHour, posting, _hours.Key(i) * 8 + r)), 1);
            wind[$"GEN_{region}"] = actual ? Round(_hours.Wind[r][i], 1) : null;
        }
        wind["STWPF_SYSTEM_WIDE"] = Round(systemForecast, 1);
        wind["WGRPP_SYSTEM_WIDE"] = Round(systemForecast * 0.88, 1);
        wind["COP_HSL_SYSTEM_WIDE"] = Round(systemForecast * (1 + 0.02 * _noise.Normal(Draw.ForecastHour, posting, _hours.Key(i) * 8 + 5)), 1);
        wind["SYSTEM_WIDE_GEN"] = actual ? Round(systemActual, 1) : null;
        wind["SYSTEM_WIDE_HSL"] = actual ? Round(systemActual * 1.06, 1) : null;
        Add(ErcotTables.WindHourly, wind.Row);

        var solar = NewForecastRow(ErcotTables.SolarHourly, hour, postedLocal, postedUtc);
        var solarForecast = _forecasts.Solar(i, horizonPosting);
        solar["STPPF_SYSTEM_WIDE"] = Round(solarForecast, 1);
        solar["PVGRPP_SYSTEM_WIDE"] = Round(solarForecast * 0.85, 1);
        solar["COP_HSL_SYSTEM_WIDE"] = Round(solarForecast * (1 + 0.03 * _noise.Normal(Draw.ForecastHour, posting, _hours.Key(i) * 8 + 7)), 1);
        solar["SYSTEM_WIDE_GEN"] = actual ? Round(_hours.Solar[i], 1) : null;
        solar["SYSTEM_WIDE_HSL"] = actual ? Round(_hours.Solar[i] * 1.08, 1) : null;
        Add(ErcotTables.SolarHourly, solar.Row);
    }

    private static RowWriter NewForecastRow(ErcotTable table, ErcotHour hour, DateTime postedLocal, DateTime postedUtc)
    {
        var row = new RowWriter(table);
        row["DELIVERY_DATE"] = hour.DeliveryDate;
        row["HOUR_ENDING"] = hour.HourEnding;
        row["DSTFlag"] = hour.IsRepeated;
        row["POSTED_DATETIME"] = postedLocal;
        row["PostedUtc"] = postedUtc;
        row[ErcotTable.TimeColumn] = hour.StartUtc;
        return row;
    }

    /// <summary>
    /// DAM prices clear against what was known at the gate (the 09:55 vintage of D−1), with a premium
    /// on the ramps and only part of the real-time scarcity risk priced in.
    /// </summary>
    private void SimulateDayAhead(DateOnly day, int first, int count)
    {
        var gate = PostingUtc(day.AddDays(-1), GateVintage, _noise);
        Span<double> wind = stackalloc double[SimulatedMarket.WindRegions.Length];
        Span<double> flows = stackalloc double[PriceModel.Limits.Length];
        for (var i = first; i < first + count; i++)
        {
            var hour = ErcotTime.ToErcotHour(_hours.StartUtc(i));
            for (var r = 0; r < wind.Length; r++)
            {
                wind[r] = _forecasts.Wind(r, i, gate);
            }
            var windTotal = wind.ToArray().Sum();
            var solar = _forecasts.Solar(i, gate);
            var load = _forecasts.Load(i, gate);
            var netLoad = load - windTotal - solar;
            var premium = PriceModel.DayAheadPremium(_hours.LocalHour[i], PriceModel.Tightness(netLoad, _hours.ThermalCapacity[i]), windTotal / load);
            var expected = PriceModel.SystemLambda(netLoad, _hours.ThermalCapacity[i], _hours.Fuel[i], (windTotal + solar) / load);
            // The premium scales with an ordinary price, not a scarcity one: risk is priced in dollars, not in multiples of a spike.
            var lambda = (expected + premium * Math.Min(expected, 60) + DayAheadRiskPremium) * PriceModel.Shock(0.07, _noise.Normal(Draw.DamNoise, _hours.Key(i)));
            PriceModel.Flows(load, wind, solar, flows);

            for (var p = 0; p < _points.Count; p++)
            {
                var point = _points[p];
                var price = point.PriceFactor * lambda + 0.3 * point.NoiseScale * _noise.Normal(Draw.PointNoise, _hours.Key(i), _pointIndex[p] * 2);
                for (var c = 0; c < flows.Length; c++)
                {
                    price += point.Sensitivities[c] * DayAheadCongestionShare * PriceModel.ShadowPrice(c, flows[c], PriceModel.Limits[c]);
                }
                var row = new RowWriter(ErcotTables.DamSettlementPointPrices);
                row["DeliveryDate"] = hour.DeliveryDate;
                row["HourEnding"] = hour.HourEnding;
                row["DSTFlag"] = hour.IsRepeated;
                row["SettlementPoint"] = point.Name;
                row["SettlementPointPrice"] = Round(price);
                row[ErcotTable.TimeColumn] = hour.StartUtc;
                Add(ErcotTables.DamSettlementPointPrices, row.Row);
            }

            var ancillary = new RowWriter(ErcotTables.DamAncillaryPrices);
            ancillary["DeliveryDate"] = hour.DeliveryDate;
            ancillary["HourEnding"] = hour.HourEnding;
            ancillary["DSTFlag"] = hour.IsRepeated;
            ancillary[ErcotTable.TimeColumn] = hour.StartUtc;
            ancillary["REGDN"] = Round(Math.Max(0.1, 1.2 + 0.03 * lambda + 0.6 * _noise.Normal(Draw.Ancillary, _hours.Key(i), 1)));
            ancillary["REGUP"] = Round(Math.Max(0.1, 2.0 + 0.08 * lambda + 0.8 * _noise.Normal(Draw.Ancillary, _hours.Key(i), 2)));
            ancillary["RRS"] = Round(Math.Max(0.1, 1.5 + 0.10 * lambda + 0.8 * _noise.Normal(Draw.Ancillary, _hours.Key(i), 3)));
            ancillary["NSPIN"] = Round(Math.Max(0.1, 0.6 + 0.06 * lambda + 0.5 * _noise.Normal(Draw.Ancillary, _hours.Key(i), 4)));
            ancillary["ECRS"] = hour.DeliveryDate >= EcrsLaunch ? Round(Math.Max(0.1, 1.0 + 0.09 * lambda + 0.7 * _noise.Normal(Draw.Ancillary, _hours.Key(i), 5))) : null;
            Add(ErcotTables.DamAncillaryPrices, ancillary.Row);
        }
    }
}

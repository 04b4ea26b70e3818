using Ercot.Core.Schema;
using Ercot.Core.Time;

namespace Ercot.Core.Simulation;

public sealed partial class MarketSimulator
{
    private const double MaxShadowPrice = 5_251;
    private RealTimeState _realTime = new();

    /// <summary>
    /// SCED runs about every five minutes (a few seconds late, now and then an extra run), each pricing
    /// every point from the actual net load, constraint flows and any scarcity episode; the runs of each
    /// 15-minute interval average into its settlement point price, plus the reserve adder SCED LMPs lack.
    /// </summary>
    private void SimulateRealTime(int first, int count)
    {
        Span<double> wind = stackalloc double[SimulatedMarket.WindRegions.Length];
        Span<double> flows = stackalloc double[PriceModel.Limits.Length];
        Span<double> shadow = stackalloc double[PriceModel.Limits.Length];
        // Episodes and price noise start afresh each operating day, so that a day's prices depend on that day alone.
        _realTime = new RealTimeState();
        var sums = new double[4, _points.Count];
        var runs = new int[4];
        var adders = new double[4];
        for (var i = first; i < first + count; i++)
        {
            Array.Clear(sums);
            Array.Clear(runs);
            Array.Clear(adders);
            var hourStart = _hours.StartUtc(i);
            // Unit trips, ramps and bidding the day-ahead market could not see: one shock for the whole hour.
            // Most hours are calm; about one in twelve is turbulent, which gives DART its fat shoulders.
            var turbulent = _noise.Uniform(Draw.RealTimeNoise, _hours.Key(i), 98) < 0.12;
            var hourShock = PriceModel.Shock(turbulent ? 1.0 : 0.25, _noise.Normal(Draw.RealTimeNoise, _hours.Key(i), 99))
                * Math.Exp(_hours.PriceRegime[_hours.DayIndex[i]]);
            for (var slot = 0; slot < 12; slot++)
            {
                var slotStart = hourStart.AddMinutes(5 * slot);
                AddSolar5Minute(i, slot, slotStart);
                var extra = _noise.Uniform(Draw.ScedJitter, _hours.Key(i), slot * 2 + 1) < 0.006;
                for (var run = 0; run < (extra ? 2 : 1); run++)
                {
                    var at = slotStart.AddSeconds(run == 0 ? 8 + (int)(32 * _noise.Uniform(Draw.ScedJitter, _hours.Key(i), slot * 2)) : 150);
                    var fraction = (5 * slot + 2.5) / 60;
                    var key = _hours.Key(i) * 32 + slot * 2 + run;
                    var load = Lerp(_hours.Load, i, fraction) * (1 + 0.004 * _noise.Normal(Draw.RealTimeNoise, key, 1));
                    var solar = Lerp(_hours.Solar, i, fraction);
                    for (var r = 0; r < wind.Length; r++)
                    {
                        wind[r] = Lerp(_hours.Wind[r], i, fraction) * (1 + 0.02 * _noise.Normal(Draw.RealTimeNoise, key, 2 + r));
                    }
                    var windTotal = wind.ToArray().Sum();
                    var netLoad = load - windTotal - solar;
                    var tightness = PriceModel.Tightness(netLoad, _hours.ThermalCapacity[i]);
                    var adder = EpisodeAdder(key, tightness, (windTotal + solar) / load);
                    _realTime.PriceNoise = 0.85 * _realTime.PriceNoise + 0.07 * _noise.Normal(Draw.RealTimeNoise, key, 9); // stationary sd ≈ 0.13
                    var lambda = Math.Min(PriceModel.PriceCap, PriceModel.SystemLambda(netLoad, _hours.ThermalCapacity[i], _hours.Fuel[i], (windTotal + solar) / load)
                        * hourShock * PriceModel.Shock(0.13, _realTime.PriceNoise / 0.13) + adder + 0.8 * _noise.Normal(Draw.RealTimeNoise, key, 10));

                    PriceModel.Flows(load, wind, solar, flows);
                    var (local, repeated) = ErcotTime.ToLocal(at);
                    for (var c = 0; c < flows.Length; c++)
                    {
                        var limit = PriceModel.Limits[c] * (1 + 0.04 * _noise.Normal(Draw.Constraint, _hours.DayKey(_hours.DayIndex[i]), c));
                        shadow[c] = Math.Min(MaxShadowPrice, PriceModel.ShadowPrice(c, flows[c], limit) * Math.Exp(0.35 * _noise.Normal(Draw.Constraint, key, 10 + c)));
                        if (shadow[c] > 0)
                        {
                            AddShadowPrice(c, local, repeated, at, shadow[c], limit, flows[c]);
                        }
                    }

                    var interval = slot / 3;
                    runs[interval]++;
                    adders[interval] += 20 * Math.Exp((tightness - 1) / 0.04) + 0.08 * Math.Max(adder, 0);
                    for (var p = 0; p < _points.Count; p++)
                    {
                        var point = _points[p];
                        var lmp = point.PriceFactor * lambda + 0.8 * point.NoiseScale * _noise.Normal(Draw.PointNoise, key, _pointIndex[p] * 2 + 1);
                        for (var c = 0; c < shadow.Length; c++)
                        {
                            lmp += point.Sensitivities[c] * shadow[c];
                        }
                        lmp = Round(lmp);
                        sums[interval, p] += lmp;
                        AddLmp(point, local, repeated, at, lmp);
                    }
                }
            }
            for (var interval = 0; interval < 4; interval++)
            {
                var start = hourStart.AddMinutes(15 * interval);
                var labels = ErcotTime.ToErcotInterval(start);
                for (var p = 0; p < _points.Count; p++)
                {
                    var row = new RowWriter(ErcotTables.RealTimeSettlementPointPrices);
                    row["DeliveryDate"] = labels.DeliveryDate;
                    row["DeliveryHour"] = labels.DeliveryHour;
                    row["DeliveryInterval"] = labels.DeliveryInterval;
                    row["DSTFlag"] = labels.IsRepeated;
                    row["SettlementPointName"] = _points[p].Name;
                    row["SettlementPointType"] = _points[p].Type;
                    row["SettlementPointPrice"] = Round(sums[interval, p] / runs[interval] + adders[interval] / runs[interval]);
                    row[ErcotTable.TimeColumn] = start;
                    Add(ErcotTables.RealTimeSettlementPointPrices, row.Row);
                }
            }
        }
    }

    /// <summary>
    /// Scarcity episodes start more often the tighter the system, last a few runs to over an hour and
    /// have Pareto-tailed peaks; oversupply episodes push prices down when renewables cover most load.
    /// </summary>
    private double EpisodeAdder(long key, double tightness, double renewableShare)
    {
        var state = _realTime;
        if (state.ScarcityRunsLeft == 0 && _noise.Uniform(Draw.Scarcity, key) < Math.Min(0.03, 0.0002 + 0.02 * Math.Exp((tightness - 0.85) / 0.04)))
        {
            state.ScarcityLength = state.ScarcityRunsLeft = 3 + (int)(15 * _noise.Uniform(Draw.ScarcityLength, key));
            state.ScarcityPeak = Math.Min(4_000, 60 * _noise.Pareto(Draw.ScarcitySize, key, 1.35));
        }
        if (state.OversupplyRunsLeft == 0 && renewableShare > 0.55 && _noise.Uniform(Draw.Scarcity, key, 1) < 0.002)
        {
            state.OversupplyRunsLeft = 6 + (int)(24 * _noise.Uniform(Draw.ScarcityLength, key, 1));
            state.OversupplyDepth = 10 + 35 * _noise.Uniform(Draw.ScarcitySize, key, 1);
        }
        var adder = 0.0;
        if (state.ScarcityRunsLeft > 0)
        {
            adder += state.ScarcityPeak * Math.Sqrt((double)state.ScarcityRunsLeft / state.ScarcityLength);
            state.ScarcityRunsLeft--;
        }
        if (state.OversupplyRunsLeft > 0)
        {
            adder -= state.OversupplyDepth;
            state.OversupplyRunsLeft--;
        }
        return adder;
    }

    private void AddLmp(SimulatedPoint point, DateTime local, bool repeated, DateTime at, double lmp)
    {
        var row = new RowWriter(ErcotTables.ScedLmp);
        row["SCEDTimestamp"] = local;
        row["RepeatedHourFlag"] = repeated;
        row["SettlementPoint"] = point.Name;
        row["LMP"] = lmp;
        row[ErcotTable.TimeColumn] = at;
        Add(ErcotTables.ScedLmp, row.Row);
    }

    private void AddShadowPrice(int c, DateTime local, bool repeated, DateTime at, double price, double limit, double flow)
    {
        var constraint = SimulatedMarket.Constraints[c];
        var row = new RowWriter(ErcotTables.ShadowPrices);
        row["SCEDTimeStamp"] = local;
        row["RepeatedHourFlag"] = repeated;
        row["ConstraintID"] = constraint.Id;
        row["ConstraintName"] = constraint.Name;
        row["ContingencyName"] = constraint.Contingency;
        row["ShadowPrice"] = Round(price);
        row["MaxShadowPrice"] = MaxShadowPrice;
        row["Limit"] = Round(limit, 1);
        row["Value"] = Round(flow, 1);
        row["ViolatedMW"] = Round(Math.Max(0, flow - limit), 1);
        row["FromStation"] = constraint.FromStation;
        row["ToStation"] = constraint.ToStation;
        row[ErcotTable.TimeColumn] = at;
        Add(ErcotTables.ShadowPrices, row.Row);
    }

    /// <summary>Solar output averaged over each 5-minute interval, labelled by its (naive) interval ending.</summary>
    private void AddSolar5Minute(int i, int slot, DateTime slotStart)
    {
        var (localStart, repeated) = ErcotTime.ToLocal(slotStart);
        var generation = Math.Max(0, Lerp(_hours.Solar, i, (5 * slot + 2.5) / 60) * (1 + 0.02 * _noise.Normal(Draw.Solar5Minute, _hours.Key(i), slot)));
        var row = new RowWriter(ErcotTables.Solar5Minute);
        row["INTERVAL_ENDING"] = localStart.AddMinutes(5);
        row["DSTFlag"] = repeated;
        row["SYSTEM_WIDE_GEN"] = Round(generation, 1);
        row["SYSTEM_WIDE_HSL"] = Round(generation * 1.08, 1);
        row[ErcotTable.TimeColumn] = slotStart;
        Add(ErcotTables.Solar5Minute, row.Row);
    }

    /// <summary>
    /// The series within hour <paramref name="i"/>: hourly values are hour averages, so the line runs
    /// through the middle of each hour and the runs of an hour average back to its hourly value.
    /// </summary>
    private static double Lerp(double[] series, int i, double fraction) => fraction < 0.5
        ? series[i - 1] + (series[i] - series[i - 1]) * (fraction + 0.5)
        : series[i] + (series[i + 1] - series[i]) * (fraction - 0.5);
}

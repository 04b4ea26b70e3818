namespace Ercot.Core.Schema.Features;

/// <summary>
/// Every feature of the hourly feature file, in file order. The SQL of each reads one of the
/// pre-aggregated relations the pipeline joins to the grid of (point, delivery hour):
/// <c>g</c> grid and calendar, <c>fc</c> forecast vintages at the gate, <c>ld</c> load, <c>dm</c> DAM of
/// D−1 and before, <c>ax</c> AS prices of D−1, <c>dl</c> lagged DART and RT, <c>l24</c>/<c>s24</c> the 24 hours
/// before the gate, <c>r2</c>/<c>sh2</c> the same hour of D−2 resampled, <c>gn</c> published generation.
/// </summary>
public static class FeatureCatalog
{
    private const string Calendar = "known in advance";
    private const string Vintage = "latest wind/solar posting with PostedUtc before the gate";
    private const string DamD1 = "DAM and AS results for D−1 and earlier, public about 13:30 the day before delivery";
    private const string LagD2 = "operating day D−2 or earlier: real-time prices final before the gate, load published the next operating day";
    private const string Last24 = "intervals that ended in the 24 hours before the gate";
    private const string Posted = "generation actuals from postings made before the gate";

    private const string Wind = "hist_WindPowerProductionHourlyAveragedActualandForecastedValues";
    private const string Solar = "hist_SolarPowerProductionHourlyAveragedActualandForecastedValues";
    private const string Solar5 = "hist_SolarPowerProductionActual5MinuteAveragedValues";
    private const string Load = "hist_ActualSystemLoadbyForecastZone";
    private const string Dam = "hist_DAMSettlementPointPrices";
    private const string Ancillary = "hist_DAMAncillaryServiceClearingPrices";
    private const string Rt = "hist_RealTimeLMP";
    private const string Sced = "hist_LMPbyResourceNodesLoadZonesandTradingHubs";
    private const string Shadow = "hist_SCEDShadowPricesandBindingTransmissionConstraints";

    private static FeatureDefinition F(string name, string group, string[] sources, string availability, string description, string sql) =>
        new(name, group, sources, availability, description, sql);

    public static IReadOnlyList<FeatureDefinition> All { get; } =
    [
        // Calendar
        F("cal_hour_ending", "calendar", [], Calendar, "hour ending 1..24", "g.he"),
        F("cal_hour_sin", "calendar", [], Calendar, "sine of the local hour on the 24-hour circle", "sin(2 * pi() * (g.he - 0.5) / 24)"),
        F("cal_hour_cos", "calendar", [], Calendar, "cosine of the local hour on the 24-hour circle", "cos(2 * pi() * (g.he - 0.5) / 24)"),
        F("cal_day_of_week", "calendar", [], Calendar, "day of week, 0 = Sunday", "g.dow"),
        F("cal_is_weekend", "calendar", [], Calendar, "1 on Saturdays and Sundays", "CASE WHEN g.dow IN (0, 6) THEN 1 ELSE 0 END"),
        F("cal_is_holiday", "calendar", [], Calendar, "1 on ERCOT holidays", "g.holiday"),
        F("cal_month", "calendar", [], Calendar, "month 1..12", "month(g.d)"),
        F("cal_day_of_year_sin", "calendar", [], Calendar, "sine of the day of the year", "sin(2 * pi() * dayofyear(g.d) / 365.25)"),
        F("cal_day_of_year_cos", "calendar", [], Calendar, "cosine of the day of the year", "cos(2 * pi() * dayofyear(g.d) / 365.25)"),
        F("cal_season", "calendar", [], Calendar, "0 winter, 1 spring, 2 summer, 3 autumn", "(month(g.d) % 12) // 3"),
        F("cal_is_dst_transition_day", "calendar", [], Calendar, "1 on the 23- and 25-hour days", "CASE WHEN g.hours_in_day <> 24 THEN 1 ELSE 0 END"),
        F("cal_is_repeated_hour", "calendar", [], Calendar, "1 for the repeated hour of the fall-back day", "CASE WHEN g.f THEN 1 ELSE 0 END"),

        // Forecast vintages at the gate
        F("wind_stwpf_system", "forecast", [Wind], Vintage, "short-term wind power forecast, system-wide (MW)", "fc.wind_stwpf"),
        F("wind_cop_hsl_system", "forecast", [Wind], Vintage, "wind COP high sustained limits, system-wide (MW)", "fc.wind_cop_hsl"),
        F("wind_wgrpp_system", "forecast", [Wind], Vintage, "wind generation resource power potential, system-wide (MW)", "fc.wind_wgrpp"),
        F("wind_stwpf_panhandle", "forecast", [Wind], Vintage, "STWPF, Panhandle (MW)", "fc.wind_panhandle"),
        F("wind_stwpf_coastal", "forecast", [Wind], Vintage, "STWPF, Coastal (MW)", "fc.wind_coastal"),
        F("wind_stwpf_south", "forecast", [Wind], Vintage, "STWPF, South (MW)", "fc.wind_south"),
        F("wind_stwpf_west", "forecast", [Wind], Vintage, "STWPF, West (MW)", "fc.wind_west"),
        F("wind_stwpf_north", "forecast", [Wind], Vintage, "STWPF, North (MW)", "fc.wind_north"),
        F("wind_stwpf_day_mean", "forecast", [Wind], Vintage, "mean STWPF over the operating day (MW)", "fc.wind_day_mean"),
        F("wind_stwpf_change_1h", "forecast", [Wind], Vintage, "STWPF minus the previous hour's (MW): the ramp", "fc.wind_ramp"),
        F("solar_stppf_system", "forecast", [Solar], Vintage, "short-term PV power forecast, system-wide (MW)", "fc.solar_stppf"),
        F("solar_pvgrpp_system", "forecast", [Solar], Vintage, "PV generation resource power potential (MW)", "fc.solar_pvgrpp"),
        F("solar_cop_hsl_system", "forecast", [Solar], Vintage, "solar COP high sustained limits (MW)", "fc.solar_cop_hsl"),
        F("solar_stppf_day_sum", "forecast", [Solar], Vintage, "STPPF summed over the operating day (MWh)", "fc.solar_day_sum"),
        F("solar_stppf_change_1h", "forecast", [Solar], Vintage, "STPPF minus the previous hour's (MW)", "fc.solar_ramp"),
        F("forecast_vintage_age_hours", "forecast", [Wind], Vintage, "hours between the vintage's posting and the gate", "fc.vintage_age"),

        // Load (D−2 and older) and net load
        F("load_total_d2", "load", [Load], LagD2, "ERCOT load, same hour of D−2 (MW)", "ld.total_d2"),
        F("load_north_d2", "load", [Load], LagD2, "North zone load, same hour of D−2 (MW)", "ld.north_d2"),
        F("load_south_d2", "load", [Load], LagD2, "South zone load, same hour of D−2 (MW)", "ld.south_d2"),
        F("load_west_d2", "load", [Load], LagD2, "West zone load, same hour of D−2 (MW)", "ld.west_d2"),
        F("load_houston_d2", "load", [Load], LagD2, "Houston zone load, same hour of D−2 (MW)", "ld.houston_d2"),
        F("load_total_d7", "load", [Load], LagD2, "ERCOT load, same hour of D−7 (same weekday) (MW)", "ld.total_d7"),
        F("load_total_d2_day_mean", "load", [Load], LagD2, "mean load over D−2 (MW)", "ld.day_mean_d2"),
        F("load_total_d2_day_max", "load", [Load], LagD2, "peak load of D−2 (MW)", "ld.day_max_d2"),
        F("load_total_7d_mean", "load", [Load], LagD2, "mean load at this hour over D−8..D−2 (MW)", "ld.mean_7d"),
        F("net_load_proxy", "load", [Load, Wind, Solar], LagD2 + "; " + Vintage, "load of D−7 at this hour minus the wind and solar forecasts (MW)", "ld.total_d7 - fc.wind_stwpf - fc.solar_stppf"),
        F("renewable_share_proxy", "load", [Load, Wind, Solar], LagD2 + "; " + Vintage, "(wind + solar forecast) / load of D−7 at this hour", "(fc.wind_stwpf + fc.solar_stppf) / nullif(ld.total_d7, 0)"),
        F("net_load_change_vs_d2", "load", [Load, Wind, Solar], LagD2 + "; " + Vintage, "net load proxy minus D−2's net load (load − published generation) at this hour (MW)", "(ld.total_d7 - fc.wind_stwpf - fc.solar_stppf) - (ld.total_d2 - coalesce(gn.wind_gen_d3, fc.wind_stwpf) - coalesce(gn.solar_gen_d2, fc.solar_stppf))"),

        // DAM of D−1 and earlier
        F("dam_d1", "dam", [Dam], DamD1, "DAM price of this point, same hour of D−1 ($/MWh)", "dm.d1"),
        F("dam_d1_day_mean", "dam", [Dam], DamD1, "mean DAM price of D−1", "dm.day_mean_d1"),
        F("dam_d1_day_max", "dam", [Dam], DamD1, "highest DAM price of D−1", "dm.day_max_d1"),
        F("dam_d1_day_min", "dam", [Dam], DamD1, "lowest DAM price of D−1", "dm.day_min_d1"),
        F("dam_d1_peak_mean", "dam", [Dam], DamD1, "mean DAM price of D−1, HE 17–21", "dm.peak_d1"),
        F("dam_d1_shape", "dam", [Dam], DamD1, "DAM of D−1 at this hour over D−1's mean", "dm.d1 / nullif(dm.day_mean_d1, 0)"),
        F("dam_7d_mean", "dam", [Dam], DamD1, "mean DAM price at this hour over D−7..D−1", "dm.mean_7d"),
        F("dam_28d_mean", "dam", [Dam], DamD1, "mean DAM price at this hour over D−28..D−1", "dm.mean_28d"),
        F("dam_7d_std", "dam", [Dam], DamD1, "standard deviation of DAM at this hour over D−7..D−1", "dm.std_7d"),
        F("as_regup_d1", "ancillary", [Ancillary], DamD1, "regulation-up price, same hour of D−1 ($/MW)", "ax.regup"),
        F("as_regdn_d1", "ancillary", [Ancillary], DamD1, "regulation-down price, same hour of D−1", "ax.regdn"),
        F("as_rrs_d1", "ancillary", [Ancillary], DamD1, "responsive reserve price, same hour of D−1", "ax.rrs"),
        F("as_nspin_d1", "ancillary", [Ancillary], DamD1, "non-spinning reserve price, same hour of D−1", "ax.nspin"),
        F("as_ecrs_d1", "ancillary", [Ancillary], DamD1, "ERCOT contingency reserve price, same hour of D−1 (null before June 2023)", "ax.ecrs"),
        F("as_regup_d1_day_mean", "ancillary", [Ancillary], DamD1, "mean regulation-up price of D−1", "ax.regup_day_mean"),

        // Lagged DART and real time (D−2 and older)
        F("dart_d2", "dart", [Dam, Rt, Sced], LagD2, "DART of this point, same hour of D−2", "dl.dart_d2"),
        F("dart_d7", "dart", [Dam, Rt, Sced], LagD2, "DART, same hour of D−7 (same weekday)", "dl.dart_d7"),
        F("dart_7d_mean", "dart", [Dam, Rt, Sced], LagD2, "mean DART at this hour over D−8..D−2", "dl.mean_7d"),
        F("dart_28d_mean", "dart", [Dam, Rt, Sced], LagD2, "mean DART at this hour over D−29..D−2", "dl.mean_28d"),
        F("dart_28d_median", "dart", [Dam, Rt, Sced], LagD2, "median DART at this hour over D−29..D−2", "dl.median_28d"),
        F("dart_7d_std", "dart", [Dam, Rt, Sced], LagD2, "standard deviation of DART at this hour over D−8..D−2", "dl.std_7d"),
        F("dart_7d_mean_abs", "dart", [Dam, Rt, Sced], LagD2, "mean |DART| at this hour over D−8..D−2", "dl.mean_abs_7d"),
        F("dart_d2_day_mean", "dart", [Dam, Rt, Sced], LagD2, "mean DART over D−2", "dl.day_mean_d2"),
        F("rt_d2", "dart", [Rt, Sced], LagD2, "real-time price, same hour of D−2", "dl.rt_d2"),
        F("rt_7d_mean", "dart", [Rt, Sced], LagD2, "mean real-time price at this hour over D−8..D−2", "dl.rt_mean_7d"),
        F("rt_d2_day_max", "dart", [Rt, Sced], LagD2, "highest hourly real-time price of D−2", "dl.rt_day_max_d2"),

        // The 24 hours before the gate
        F("rt_last24h_mean", "volatility", [Rt], Last24, "mean 15-minute SPP of this point", "l24.rt_mean"),
        F("rt_last24h_max", "volatility", [Rt], Last24, "highest 15-minute SPP of this point", "l24.rt_max"),
        F("rt_last24h_std", "volatility", [Rt], Last24, "standard deviation of 15-minute SPPs of this point", "l24.rt_std"),
        F("rt_last24h_scarcity_count", "volatility", [Rt], Last24, "15-minute SPPs above $100", "l24.scarcity_count"),
        F("rt_last24h_negative_count", "volatility", [Rt], Last24, "15-minute SPPs below zero", "l24.negative_count"),
        F("sced_last24h_max", "volatility", [Sced], Last24, "highest SCED LMP of this point", "l24.sced_max"),
        F("sced_last24h_std", "volatility", [Sced], Last24, "standard deviation of SCED LMPs of this point", "l24.sced_std"),
        F("shadow_last24h_max", "volatility", [Shadow], Last24, "highest shadow price of any binding constraint", "s24.shadow_max"),
        F("shadow_last24h_mean", "volatility", [Shadow], Last24, "mean shadow price of binding constraints", "s24.shadow_mean"),
        F("shadow_last24h_binding_count", "volatility", [Shadow], Last24, "binding constraint-run pairs", "s24.binding_count"),
        F("solar5_last24h_max", "volatility", [Solar5], Last24, "highest 5-minute solar output (MW)", "s24.solar_max"),

        // Same hour of D−2, resampled from 5- and 15-minute data
        F("sced_d2_mean", "resampled", [Sced], LagD2, "mean SCED LMP of this point in the same hour of D−2", "r2.sced_mean"),
        F("sced_d2_max", "resampled", [Sced], LagD2, "highest SCED LMP in the same hour of D−2", "r2.sced_max"),
        F("sced_d2_std", "resampled", [Sced], LagD2, "standard deviation of SCED LMPs in the same hour of D−2", "r2.sced_std"),
        F("rt15_d2_max", "resampled", [Rt], LagD2, "highest 15-minute SPP in the same hour of D−2", "r2.rt_max"),
        F("shadow_d2_max", "resampled", [Shadow], LagD2, "highest shadow price in the same hour of D−2", "sh2.shadow_max"),
        F("shadow_d2_mean", "resampled", [Shadow], LagD2, "mean shadow price in the same hour of D−2", "sh2.shadow_mean"),
        F("shadow_d2_binding_count", "resampled", [Shadow], LagD2, "binding constraint-run pairs in the same hour of D−2", "sh2.binding_count"),

        // Published generation
        F("wind_gen_d3", "generation", [Wind], Posted, "actual wind output, same hour of D−3, if posted before the gate (MW)", "gn.wind_gen_d3"),
        F("wind_forecast_error_d3", "generation", [Wind], Posted + "; " + Vintage, "actual minus the gate-vintage forecast, same hour of D−3 (MW)", "gn.wind_error_d3"),
        F("solar_gen_d2", "generation", [Solar5], LagD2, "mean 5-minute solar output, same hour of D−2 (MW)", "gn.solar_gen_d2"),
    ];
}

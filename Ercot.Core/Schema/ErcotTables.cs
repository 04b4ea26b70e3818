using static Ercot.Core.Schema.ErcotColumn;

namespace Ercot.Core.Schema;

/// <summary>
/// The source tables (production schema <c>[ERCOT]</c>): the nine of DESIGN.md, plus the DAM
/// ancillary-service prices that the feature set needs (NP4-188-CD) and hourly DAM/RT settlement
/// prices (the only real-time settlement price many points have in history).
/// </summary>
public static class ErcotTables
{
    private const int PointLength = 64;
    private static readonly string[] WindRegions = ["PANHANDLE", "COASTAL", "SOUTH", "WEST", "NORTH"];

    /// <summary>1 — NP6-346-CD, hourly MW by forecast zone; public the next operating day.</summary>
    public static ErcotTable LoadByForecastZone { get; } = new(
        "hist_ActualSystemLoadbyForecastZone", "NP6-346-CD", "Actual system load by forecast zone (hourly MW)",
        [Date("OperDay"), SmallInt("HourEnding"), .. Values("NORTH", "SOUTH", "WEST", "HOUSTON", "TOTAL"), Flag("DSTFlag")],
        ["OperDay", "HourEnding", "DSTFlag"]);

    /// <summary>2 — NP6-345-CD, hourly MW by weather zone; public the next operating day.</summary>
    public static ErcotTable LoadByWeatherZone { get; } = new(
        "hist_ActualSystemLoadbyWeatherZone", "NP6-345-CD", "Actual system load by weather zone (hourly MW)",
        [Date("OperDay"), SmallInt("HourEnding"),
         .. Values("COAST", "EAST", "FAR_WEST", "NORTH", "NORTH_C", "SOUTHERN", "SOUTH_C", "WEST", "TOTAL"), Flag("DSTFlag")],
        ["OperDay", "HourEnding", "DSTFlag"]);

    /// <summary>3 — NP4-190-CD, DAM settlement point prices (hourly); public about 13:30 the day before delivery.</summary>
    public static ErcotTable DamSettlementPointPrices { get; } = new(
        "hist_DAMSettlementPointPrices", "NP4-190-CD", "DAM settlement point prices ($/MWh, hourly)",
        [Date("DeliveryDate"), SmallInt("HourEnding"), Text("SettlementPoint", PointLength), Value("SettlementPointPrice", nullable: false), Flag("DSTFlag")],
        ["DeliveryDate", "HourEnding", "DSTFlag", "SettlementPoint"]);

    /// <summary>4 — NP6-788-CD, LMPs of each SCED run (~5 min); public minutes after the run.</summary>
    public static ErcotTable ScedLmp { get; } = new(
        "hist_LMPbyResourceNodesLoadZonesandTradingHubs", "NP6-788-CD", "LMP by resource node, load zone and hub, per SCED run ($/MWh)",
        [Local("SCEDTimestamp"), Flag("RepeatedHourFlag"), Text("SettlementPoint", PointLength), Value("LMP", nullable: false)],
        ["SCEDTimestamp", "RepeatedHourFlag", "SettlementPoint"]);

    /// <summary>5 — NP6-905-CD, real-time settlement point prices (15 min); public minutes after the interval.</summary>
    public static ErcotTable RealTimeSettlementPointPrices { get; } = new(
        "hist_RealTimeLMP", "NP6-905-CD", "Real-time settlement point prices ($/MWh, 15-minute)",
        [Date("DeliveryDate"), SmallInt("DeliveryHour"), SmallInt("DeliveryInterval"), Text("SettlementPointName", PointLength),
         Text("SettlementPointType", 8), Value("SettlementPointPrice", nullable: false), Flag("DSTFlag")],
        // A load zone is priced twice, plain (LZ) and energy-weighted (LZEW): the type is part of the key.
        ["DeliveryDate", "DeliveryHour", "DeliveryInterval", "DSTFlag", "SettlementPointName", "SettlementPointType"]);

    /// <summary>6 — NP6-86-CD, binding transmission constraints and their shadow prices, per SCED run.</summary>
    public static ErcotTable ShadowPrices { get; } = new(
        "hist_SCEDShadowPricesandBindingTransmissionConstraints", "NP6-86-CD", "SCED shadow prices of binding transmission constraints",
        [Local("SCEDTimeStamp"), Flag("RepeatedHourFlag"), Text("ConstraintID", 32), Text("ConstraintName", 128),
         Text("ContingencyName", 128), .. Values("ShadowPrice", "MaxShadowPrice", "Limit", "Value", "ViolatedMW"),
         Text("FromStation", 64, nullable: true), Text("ToStation", 64, nullable: true)],
        ["SCEDTimeStamp", "RepeatedHourFlag", "ConstraintID", "ContingencyName"]);

    /// <summary>7 — NP4-746-CD, system-wide solar output, 5-minute averages.</summary>
    public static ErcotTable Solar5Minute { get; } = new(
        "hist_SolarPowerProductionActual5MinuteAveragedValues", "NP4-746-CD", "Solar production, 5-minute averaged actuals (MW)",
        [Local("INTERVAL_ENDING"), .. Values("SYSTEM_WIDE_GEN", "SYSTEM_WIDE_HSL"), Flag("DSTFlag")],
        ["INTERVAL_ENDING", "DSTFlag"]);

    /// <summary>8 — NP4-745-CD, hourly solar actuals and forecasts, one row per delivery hour and posting.</summary>
    public static ErcotTable SolarHourly { get; } = new(
        "hist_SolarPowerProductionHourlyAveragedActualandForecastedValues", "NP4-745-CD", "Solar production, hourly actuals and forecasts per posting (MW)",
        [Date("DELIVERY_DATE"), SmallInt("HOUR_ENDING"), Local("POSTED_DATETIME"), Utc("PostedUtc"),
         .. Values("SYSTEM_WIDE_GEN", "COP_HSL_SYSTEM_WIDE", "STPPF_SYSTEM_WIDE", "PVGRPP_SYSTEM_WIDE", "SYSTEM_WIDE_HSL"), Flag("DSTFlag")],
        ["DELIVERY_DATE", "HOUR_ENDING", "DSTFlag", "PostedUtc"]);

    /// <summary>9 — NP4-732-CD, hourly wind actuals and forecasts per posting, system-wide and by region.</summary>
    public static ErcotTable WindHourly { get; } = new(
        "hist_WindPowerProductionHourlyAveragedActualandForecastedValues", "NP4-732-CD", "Wind production, hourly actuals and forecasts per posting (MW)",
        [Date("DELIVERY_DATE"), SmallInt("HOUR_ENDING"), Local("POSTED_DATETIME"), Utc("PostedUtc"),
         .. Values("SYSTEM_WIDE_GEN", "COP_HSL_SYSTEM_WIDE", "STWPF_SYSTEM_WIDE", "WGRPP_SYSTEM_WIDE", "SYSTEM_WIDE_HSL"),
         .. WindRegions.SelectMany(region => Values($"GEN_{region}", $"COP_HSL_{region}", $"STWPF_{region}", $"WGRPP_{region}")),
         Flag("DSTFlag")],
        ["DELIVERY_DATE", "HOUR_ENDING", "DSTFlag", "PostedUtc"]);

    /// <summary>NP4-188-CD, DAM ancillary-service clearing prices (hourly); public with the DAM results.</summary>
    public static ErcotTable DamAncillaryPrices { get; } = new(
        "hist_DAMAncillaryServiceClearingPrices", "NP4-188-CD", "DAM ancillary-service market clearing prices ($/MW, hourly)",
        [Date("DeliveryDate"), SmallInt("HourEnding"), .. Values("REGDN", "REGUP", "RRS", "NSPIN", "ECRS"), Flag("DSTFlag")],
        ["DeliveryDate", "HourEnding", "DSTFlag"]);

    /// <summary>
    /// NP4-190-CD and NP6-905-CD as hourly settlement prices: the DAM SPP and the hourly RT SPP (the mean of
    /// the hour's four 15-minute SPPs) of one point. The DAM column is public with the DAM results (13:30 the
    /// day before delivery), the RT column minutes after the hour's last interval.
    /// </summary>
    public static ErcotTable HourlySettlementPointPrices { get; } = new(
        "hist_HourlySettlementPointPrices", "NP4-190-CD + NP6-905-CD", "Hourly DAM and real-time settlement point prices ($/MWh)",
        [Date("DeliveryDate"), SmallInt("HourEnding"), Text("SettlementPoint", PointLength), Value("DamSettlementPointPrice"),
         Value("RtSettlementPointPrice"), Flag("DSTFlag")],
        ["DeliveryDate", "HourEnding", "DSTFlag", "SettlementPoint"]);

    public static IReadOnlyList<ErcotTable> All { get; } =
    [
        LoadByForecastZone, LoadByWeatherZone, DamSettlementPointPrices, ScedLmp, RealTimeSettlementPointPrices,
        ShadowPrices, Solar5Minute, SolarHourly, WindHourly, DamAncillaryPrices, HourlySettlementPointPrices,
    ];

    public static string[] WindRegionNames => [.. WindRegions];
}

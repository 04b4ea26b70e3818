namespace Ercot.Desk.Data;

/// <summary>What a trader calls each source table the features read, in the order the Tomorrow page lists them.</summary>
public static class FeedNames
{
    private static readonly (string Table, string Name)[] Known =
    [
        ("hist_DAMSettlementPointPrices", "DAM settlement point prices"),
        ("hist_DAMAncillaryServiceClearingPrices", "DAM ancillary service prices"),
        ("hist_LMPbyResourceNodesLoadZonesandTradingHubs", "RT prices (SCED LMP)"),
        ("hist_RealTimeLMP", "RT settlement point prices"),
        ("hist_ActualSystemLoadbyForecastZone", "Load by forecast zone"),
        ("hist_ActualSystemLoadbyWeatherZone", "Load by weather zone"),
        ("hist_WindPowerProductionHourlyAveragedActualandForecastedValues", "Wind (hourly, actual and forecast)"),
        ("hist_SolarPowerProductionHourlyAveragedActualandForecastedValues", "Solar (hourly, actual and forecast)"),
        ("hist_SolarPowerProductionActual5MinuteAveragedValues", "Solar (5-minute actual)"),
        ("hist_SCEDShadowPricesandBindingTransmissionConstraints", "Binding constraints (shadow prices)"),
    ];

    public static string Of(string table) => Known.FirstOrDefault(known => known.Table == table).Name is { } name ? $"{name} ({table})" : table;

    public static int Order(string table) => Array.FindIndex(Known, known => known.Table == table) is var i and >= 0 ? i : Known.Length;
}

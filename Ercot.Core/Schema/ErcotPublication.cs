using Ercot.Core.Time;

namespace Ercot.Core.Schema;

/// <summary>
/// When each source row became public — the basis of every availability rule (DESIGN.md, "Target and
/// information set"): DAM and AS results at 13:30 the day before delivery; SCED, shadow prices and
/// 5-minute solar a few minutes after the run or interval; 15-minute RT prices a few minutes after
/// the interval; forecasts at their posting time; actual load during the next operating day.
/// </summary>
public static class ErcotPublication
{
    /// <summary>How long after an interval (or a SCED run) real-time data is public.</summary>
    public static readonly TimeSpan RealTimeDelay = TimeSpan.FromMinutes(5);

    private static readonly TimeOnly DamPublished = new(13, 30);
    private static readonly TimeOnly LoadPublished = new(6, 0);

    public static DateTime PublishedUtc(ErcotTable table, object?[] row)
    {
        var start = (DateTime)row[table.TimeOrdinal]!;
        return table.Name switch
        {
            _ when table == ErcotTables.DamSettlementPointPrices || table == ErcotTables.DamAncillaryPrices =>
                ErcotTime.LocalClockToUtc(((DateOnly)row[table.Ordinal("DeliveryDate")]!).AddDays(-1).ToDateTime(DamPublished), false),
            _ when table == ErcotTables.LoadByForecastZone || table == ErcotTables.LoadByWeatherZone =>
                ErcotTime.LocalClockToUtc(((DateOnly)row[table.Ordinal("OperDay")]!).AddDays(1).ToDateTime(LoadPublished), false),
            _ when table == ErcotTables.WindHourly || table == ErcotTables.SolarHourly => (DateTime)row[table.Ordinal("PostedUtc")]!,
            _ when table == ErcotTables.RealTimeSettlementPointPrices => start + ErcotTime.FifteenMinutes + RealTimeDelay,
            // The hourly RT price is the mean of the hour's four intervals: public only once the last one is.
            _ when table == ErcotTables.HourlySettlementPointPrices => start + TimeSpan.FromHours(1) + RealTimeDelay,
            _ when table == ErcotTables.Solar5Minute => start + ErcotTime.FiveMinutes + RealTimeDelay,
            _ when table == ErcotTables.ScedLmp || table == ErcotTables.ShadowPrices => start + RealTimeDelay,
            _ => throw new ArgumentException($"No publication rule for {table.Name}.", nameof(table)),
        };
    }

    /// <summary>
    /// When one column of the row became public: the row's time (<see cref="PublishedUtc(ErcotTable, object?[])"/>),
    /// except for tables whose columns come from different publications — the DAM price of an hourly
    /// settlement-price row is public with the DAM results, long before the hour's real-time price.
    /// </summary>
    public static DateTime PublishedUtc(ErcotTable table, object?[] row, string column) =>
        table == ErcotTables.HourlySettlementPointPrices && column == "DamSettlementPointPrice"
            ? ErcotTime.LocalClockToUtc(((DateOnly)row[table.Ordinal("DeliveryDate")]!).AddDays(-1).ToDateTime(DamPublished), false)
            : PublishedUtc(table, row);
}

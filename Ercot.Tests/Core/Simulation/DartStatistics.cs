using System.Globalization;
using DuckDB.NET.Data;

namespace Ercot.Tests.Core.Simulation;

/// <summary>The distribution of DAM prices and DART for one settlement point, as the calibration compares them.</summary>
public sealed record DartStatistics(
    string Point, double DamMean, double DamMedian, double DamP95,
    double DartMean, double ZeroForecastMae, double DartP1, double DartP5, double DartP95, double DartP99,
    double DartKurtosis, double EveningToNightMae)
{
    /// <summary>
    /// Computes the statistics in DuckDB over <paramref name="source"/>, a query with columns
    /// p (point), h (hour ending), dam and rt (hourly DAM and real-time settlement prices).
    /// </summary>
    public static async Task<Dictionary<string, DartStatistics>> ComputeAsync(DuckDBConnection connection, string source)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT p, avg(dam), median(dam), quantile_cont(dam, 0.95),
                   avg(dam - rt), avg(abs(dam - rt)),
                   quantile_cont(dam - rt, 0.01), quantile_cont(dam - rt, 0.05), quantile_cont(dam - rt, 0.95), quantile_cont(dam - rt, 0.99),
                   kurtosis(dam - rt),
                   avg(abs(dam - rt)) FILTER (WHERE h BETWEEN 18 AND 21) / avg(abs(dam - rt)) FILTER (WHERE h BETWEEN 2 AND 5)
            FROM ({source}) GROUP BY p
            """;
        var result = new Dictionary<string, DartStatistics>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            double At(int i) => Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);
            var point = reader.GetString(0);
            result[point] = new DartStatistics(point, At(1), At(2), At(3), At(4), At(5), At(6), At(7), At(8), At(9), At(10), At(11));
        }
        return result;
    }

    /// <summary>DAM and the hourly mean of the four 15-minute real-time prices, from a store's tables.</summary>
    public const string FromStoreTables = """
        SELECT d.SettlementPoint AS p, d.HourEnding AS h, d.SettlementPointPrice AS dam, r.rt
        FROM hist_DAMSettlementPointPrices d
        JOIN (SELECT SettlementPointName, DeliveryDate, DeliveryHour, DSTFlag, avg(SettlementPointPrice) AS rt
              FROM hist_RealTimeLMP GROUP BY ALL) r
          ON r.SettlementPointName = d.SettlementPoint AND r.DeliveryDate = d.DeliveryDate
         AND r.DeliveryHour = d.HourEnding AND r.DSTFlag = d.DSTFlag
        """;
}

using DuckDB.NET.Data;
using Ercot.Core.Import;
using Ercot.Core.Schema;
using Ercot.Core.Sources;

namespace Ercot.Tests.Core.Simulation;

/// <summary>
/// Simulated tables written out in ERCOT's own file layouts go back in through the same importer as the
/// real files, unchanged: the simulator speaks ERCOT's formats, not a dialect of its own.
/// </summary>
public sealed class SimulatedFilesTests
{
    // One export per table, in the layout of the real report (MIS CSV, public-API Parquet …).
    private static readonly (ErcotTable Table, string File, string Query)[] Exports =
    [
        (ErcotTables.DamSettlementPointPrices, "dam.csv", """
            SELECT strftime(DeliveryDate, '%m/%d/%Y') AS DeliveryDate, lpad(HourEnding::VARCHAR, 2, '0') || ':00' AS HourEnding,
                   SettlementPoint, SettlementPointPrice, CASE WHEN DSTFlag THEN 'Y' ELSE 'N' END AS DSTFlag
            FROM hist_DAMSettlementPointPrices
            """),
        (ErcotTables.RealTimeSettlementPointPrices, "rtm.csv", """
            SELECT strftime(DeliveryDate, '%m/%d/%Y') AS DeliveryDate, DeliveryHour, DeliveryInterval, SettlementPointName,
                   SettlementPointType, SettlementPointPrice, CASE WHEN DSTFlag THEN 'Y' ELSE 'N' END AS DSTFlag
            FROM hist_RealTimeLMP
            """),
        (ErcotTables.LoadByForecastZone, "load.csv", """
            SELECT strftime(OperDay, '%m/%d/%Y') AS OperDay, lpad(HourEnding::VARCHAR, 2, '0') || ':00' AS HourEnding,
                   NORTH, SOUTH, WEST, HOUSTON, TOTAL, CASE WHEN DSTFlag THEN 'Y' ELSE 'N' END AS DSTFlag
            FROM hist_ActualSystemLoadbyForecastZone
            """),
        (ErcotTables.ScedLmp, "sced.parquet", """
            SELECT strftime(SCEDTimestamp, '%Y-%m-%dT%H:%M:%S') AS SCEDTimestamp, RepeatedHourFlag AS repeatHourFlag,
                   SettlementPoint AS settlementPoint, LMP
            FROM hist_LMPbyResourceNodesLoadZonesandTradingHubs
            """),
        (ErcotTables.ShadowPrices, "shadow.csv", """
            SELECT strftime(SCEDTimeStamp, '%m/%d/%Y %H:%M:%S') AS SCEDTimeStamp, CASE WHEN RepeatedHourFlag THEN 'Y' ELSE 'N' END AS RepeatedHourFlag,
                   ConstraintID, ConstraintName, ContingencyName, ShadowPrice, MaxShadowPrice, "Limit", "Value", ViolatedMW, FromStation, ToStation
            FROM hist_SCEDShadowPricesandBindingTransmissionConstraints
            """),
        (ErcotTables.Solar5Minute, "solar5.csv", """
            SELECT strftime(INTERVAL_ENDING, '%m/%d/%Y %H:%M') AS INTERVAL_ENDING, SYSTEM_WIDE_GEN, SYSTEM_WIDE_HSL,
                   CASE WHEN DSTFlag THEN 'Y' ELSE 'N' END AS DSTFlag
            FROM hist_SolarPowerProductionActual5MinuteAveragedValues
            """),
        (ErcotTables.SolarHourly, "solar.parquet", """
            SELECT POSTED_DATETIME AS postedDatetime, strftime(DELIVERY_DATE, '%Y-%m-%d') AS deliveryDate, HOUR_ENDING AS hourEnding, DSTFlag,
                   SYSTEM_WIDE_GEN AS GENSystemWide, COP_HSL_SYSTEM_WIDE AS COPHSLSystemWide, STPPF_SYSTEM_WIDE AS STPPFSystemWide,
                   PVGRPP_SYSTEM_WIDE AS PVGRPPSystemWide, SYSTEM_WIDE_HSL AS HSLSystemWide
            FROM hist_SolarPowerProductionHourlyAveragedActualandForecastedValues
            """),
        (ErcotTables.WindHourly, "wind.parquet", """
            SELECT POSTED_DATETIME AS postedDatetime, strftime(DELIVERY_DATE, '%Y-%m-%d') AS deliveryDate, HOUR_ENDING AS hourEnding, DSTFlag,
                   SYSTEM_WIDE_GEN AS GENSystemWide, COP_HSL_SYSTEM_WIDE AS COPHSLSystemWide, STWPF_SYSTEM_WIDE AS STWPFSystemWide,
                   WGRPP_SYSTEM_WIDE AS WGRPPSystemWide, SYSTEM_WIDE_HSL AS HSLSystemWide,
                   GEN_PANHANDLE AS GENPanhandle, COP_HSL_PANHANDLE AS COPHSLPanhandle, STWPF_PANHANDLE AS STWPFPanhandle, WGRPP_PANHANDLE AS WGRPPPanhandle,
                   GEN_COASTAL AS GENCoastal, COP_HSL_COASTAL AS COPHSLCoastal, STWPF_COASTAL AS STWPFCoastal, WGRPP_COASTAL AS WGRPPCoastal,
                   GEN_SOUTH AS GENSouth, COP_HSL_SOUTH AS COPHSLSouth, STWPF_SOUTH AS STWPFSouth, WGRPP_SOUTH AS WGRPPSouth,
                   GEN_WEST AS GENWest, COP_HSL_WEST AS COPHSLWest, STWPF_WEST AS STWPFWest, WGRPP_WEST AS WGRPPWest,
                   GEN_NORTH AS GENNorth, COP_HSL_NORTH AS COPHSLNorth, STWPF_NORTH AS STWPFNorth, WGRPP_NORTH AS WGRPPNorth
            FROM hist_WindPowerProductionHourlyAveragedActualandForecastedValues
            """),
    ];

    [Fact]
    public async Task SimulatedTables_InErcotFileLayouts_ImportBackUnchanged()
    {
        // The fall-back week: the repeated hour is where formats disagree most.
        using var simulation = await SimulatedStore.CreateAsync(new(2024, 11, 1), new(2024, 11, 5), "3", seed: 21);
        await using (var connection = new DuckDBConnection($"DataSource={simulation.DatabasePath}"))
        {
            await connection.OpenAsync();
            foreach (var (_, file, query) in Exports)
            {
                await using var command = connection.CreateCommand();
                var path = Path.Combine(simulation.Folder, file).Replace("'", "''", StringComparison.Ordinal);
                command.CommandText = $"COPY ({query}) TO '{path}' ({(file.EndsWith(".csv", StringComparison.Ordinal) ? "HEADER" : "FORMAT parquet")})";
                await command.ExecuteNonQueryAsync();
            }
        }
        var reimported = new DuckDbErcotStore(Path.Combine(simulation.Folder, "reimported.duckdb"));
        await reimported.InitializeAsync();

        var report = await new ErcotImporter(reimported).ImportAsync(Exports.Select(export => Path.Combine(simulation.Folder, export.File)));

        Assert.True(report.Succeeded, string.Join("\n", report.Failures.Select(failure => failure.Message)));
        foreach (var (table, file, _) in Exports)
        {
            var original = await simulation.RowsAsync(table);
            var roundTripped = new List<object?[]>();
            await foreach (var row in reimported.ReadAsync(table, DateTime.MinValue, DateTime.MaxValue))
            {
                roundTripped.Add(row);
            }
            Assert.True(original.Count > 0, $"{file}: nothing simulated");
            Assert.True(Same(original, roundTripped), $"{file}: {original.Count} rows simulated, {roundTripped.Count} imported, or their values differ");
        }
    }

    // Doubles go through text in CSV files; they must come back to the same cent.
    private static bool Same(List<object?[]> expected, List<object?[]> actual) =>
        expected.Count == actual.Count && expected.Zip(actual).All(pair => pair.First.Zip(pair.Second).All(value => value switch
        {
            (double a, double b) => Math.Abs(a - b) < 1e-6,
            var (a, b) => Equals(a, b),
        }));
}

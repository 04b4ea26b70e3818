using Ercot.Core.Import;
using Ercot.Core.Schema;
using Ercot.Core.Sources;
using Ercot.Core.Time;
using Ercot.Tests.Infrastructure;

namespace Ercot.Tests.Core.Import;

/// <summary>Every file kind of the real sample parses, and agrees with the facts in its MANIFEST.md.</summary>
public sealed class RealReportFileTests
{
    private static (ReportFormat Format, List<object?[]> Rows) Read(string relativePath)
    {
        Skip.IfNot(SharedData.IsPresent, SharedData.SkipReason);
        var file = SharedData.PathOf(relativePath);
        var format = ReportFormats.Detect(file);
        return (format, format.ReadRows(file));
    }

    private static T Get<T>(ErcotTable table, object?[] row, string column) => (T)row[table.Ordinal(column)]!;

    private static List<object?[]> OnDay(ErcotTable table, List<object?[]> rows, string dateColumn, DateOnly day) =>
        rows.Where(row => Get<DateOnly>(table, row, dateColumn) == day).ToList();

    [SkippableFact]
    public void DamHubFile_HasItsRowCount_DstDays_KnownPrice_AndRange_ThoughUnsorted()
    {
        var table = ErcotTables.DamSettlementPointPrices;
        var (format, rows) = Read("np4-190-cd_dam_spp/da_lmp_HB_NORTH.csv");

        Assert.Same(table, format.Table);
        Assert.Equal(10_128, rows.Count);
        Assert.Equal(23, OnDay(table, rows, "DeliveryDate", new DateOnly(2024, 3, 10)).Count);
        Assert.DoesNotContain(OnDay(table, rows, "DeliveryDate", new DateOnly(2024, 3, 10)), row => Get<int>(table, row, "HourEnding") == 3);
        var fallBack = OnDay(table, rows, "DeliveryDate", new DateOnly(2024, 11, 3));
        Assert.Equal(25, fallBack.Count);
        var repeated = Assert.Single(fallBack, row => Get<bool>(table, row, "DSTFlag"));
        Assert.Equal(2, Get<int>(table, repeated, "HourEnding"));
        Assert.Equal(new DateTime(2024, 11, 3, 7, 0, 0), Get<DateTime>(table, repeated, ErcotTable.TimeColumn));
        var he08 = Assert.Single(rows, row => Get<DateOnly>(table, row, "DeliveryDate") == new DateOnly(2024, 1, 1) && Get<int>(table, row, "HourEnding") == 8);
        Assert.Equal(28.7, Get<double>(table, he08, "SettlementPointPrice"));
        var dates = rows.Select(row => Get<DateOnly>(table, row, "DeliveryDate")).ToList();
        Assert.Equal(new DateOnly(2024, 1, 1), dates.Min());
        Assert.Equal(new DateOnly(2025, 2, 25), dates.Max());
        var starts = rows.Select(row => Get<DateTime>(table, row, ErcotTable.TimeColumn)).ToList();
        Assert.NotEqual(starts.Order().ToList(), starts);
        Assert.Equal(rows.Count, starts.Distinct().Count());
    }

    [SkippableFact]
    public void DamAllPointsMisFile_ReadsPricesWithLeadingSpaces()
    {
        var table = ErcotTables.DamSettlementPointPrices;
        var (_, rows) = Read("np4-190-cd_dam_spp/NP4-190-CD_dam_spp_all_points_2025-04-11.csv");

        Assert.Equal(23_712, rows.Count);
        var first = rows[0];
        Assert.Equal("7RNCHSLR_ALL", Get<string>(table, first, "SettlementPoint"));
        Assert.Equal(31.61, Get<double>(table, first, "SettlementPointPrice"));
        Assert.Equal(new DateTime(2025, 4, 11, 5, 0, 0), Get<DateTime>(table, first, ErcotTable.TimeColumn));
    }

    [SkippableFact]
    public void ScedLmpParquet_HasItsRowCount_AndTheRepeatedHourInStandardTime()
    {
        var table = ErcotTables.ScedLmp;
        var (_, rows) = Read("np6-788-cd_sced_lmp_5min/rtm_LMP_HB_NORTH.parquet");

        Assert.Equal(123_296, rows.Count);
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 27), Get<DateTime>(table, rows[0], "SCEDTimestamp"));
        Assert.Equal(new DateTime(2024, 1, 1, 6, 0, 27), Get<DateTime>(table, rows[0], ErcotTable.TimeColumn));
        var repeated = rows.Where(row => Get<bool>(table, row, "RepeatedHourFlag")).ToList();
        Assert.NotEmpty(repeated);
        Assert.All(repeated, row =>
        {
            var clock = Get<DateTime>(table, row, "SCEDTimestamp");
            Assert.Equal(new DateOnly(2024, 11, 3), DateOnly.FromDateTime(clock));
            Assert.Equal(clock.AddHours(6), Get<DateTime>(table, row, ErcotTable.TimeColumn));
        });
    }

    [SkippableFact]
    public void WindForecastVintage_Has23HoursOnTheSpringDay_AndWasPostedBeforeEachGate()
    {
        var table = ErcotTables.WindHourly;
        var (_, rows) = Read("np4-732-cd_wind_hourly/df_wind_2024_forecast.parquet");

        Assert.Equal(8_783, rows.Count);
        Assert.Equal(23, OnDay(table, rows, "DELIVERY_DATE", new DateOnly(2024, 3, 10)).Count);
        Assert.All(rows, row => Assert.True(
            Get<DateTime>(table, row, "PostedUtc") < ErcotTime.GateClosureUtc(Get<DateOnly>(table, row, "DELIVERY_DATE")),
            $"posted {Get<DateTime>(table, row, "PostedUtc"):O} for {Get<DateOnly>(table, row, "DELIVERY_DATE")}"));
        Assert.All(rows, row => Assert.NotNull(row[table.Ordinal("STWPF_PANHANDLE")]));
    }

    [SkippableFact]
    public void SolarForecast_LabelsTheSpringDaysSecondHourHe3_WhichIsReadAsHe02()
    {
        var table = ErcotTables.SolarHourly;
        var (_, rows) = Read("np4-745-cd_solar_hourly/df_solar_2024_forecast.parquet");

        var springDay = OnDay(table, rows, "DELIVERY_DATE", new DateOnly(2024, 3, 10));
        Assert.Equal([1, 2, .. Enumerable.Range(4, 21)], springDay.Select(row => Get<int>(table, row, "HOUR_ENDING")).Order());
        Assert.Equal(8_783, rows.Count);
    }

    [SkippableFact]
    public void ForecastZoneLoad_FallBackDay_Has25HoursWithTheFlagOnTheSecondHe02()
    {
        var table = ErcotTables.LoadByForecastZone;
        var (_, rows) = Read("np6-346-cd_load_by_forecast_zone/NP6-346-CD_202411.csv");

        var fallBack = OnDay(table, rows, "OperDay", new DateOnly(2024, 11, 3));
        Assert.Equal(25, fallBack.Count);
        var repeated = Assert.Single(fallBack, row => Get<bool>(table, row, "DSTFlag"));
        Assert.Equal(2, Get<int>(table, repeated, "HourEnding"));
    }

    [SkippableFact]
    public void NativeLoad_ReadsTheDstSuffix_AndAYearOfHours()
    {
        var table = ErcotTables.LoadByWeatherZone;
        var (_, rows) = Read("native_load_by_weather_zone/Native_Load_2024.csv");

        Assert.Equal(366 * 24, rows.Count);
        var repeated = Assert.Single(rows, row => Get<bool>(table, row, "DSTFlag"));
        Assert.Equal(new DateOnly(2024, 11, 3), Get<DateOnly>(table, repeated, "OperDay"));
        Assert.Equal(new DateTime(2025, 1, 1, 5, 0, 0), rows.Max(row => Get<DateTime>(table, row, ErcotTable.TimeColumn)));
        Assert.All(rows, row => Assert.True(Get<double>(table, row, "TOTAL") > 20_000));
    }

    [SkippableFact]
    public void AncillaryPrices_HandleTheTrailingSpaceInRegup_AndTheMissingEcrsOf2022()
    {
        var table = ErcotTables.DamAncillaryPrices;
        var (_, rows2022) = Read("np4-188-cd_dam_as_mcpc/DAMASMCPC_2022.csv");
        var (_, rows2024) = Read("np4-188-cd_dam_as_mcpc/DAMASMCPC_2024.csv");

        Assert.All(rows2022, row => Assert.Null(row[table.Ordinal("ECRS")]));
        Assert.All(rows2022, row => Assert.NotNull(row[table.Ordinal("REGUP")]));
        Assert.Equal(1.49, Get<double>(table, rows2024[0], "REGUP"));
        Assert.Equal(0.1, Get<double>(table, rows2024[0], "ECRS"));
    }

    [SkippableFact]
    public void RealTimeInterval_StartsAtItsExactInstant()
    {
        var table = ErcotTables.RealTimeSettlementPointPrices;
        var (_, rows) = Read("np6-905-cd_rtm_spp/NP6-905-CD_rtm_spp_all_points_2025-04-10_HE19_int2.csv");

        Assert.All(rows, row => Assert.Equal(new DateTime(2025, 4, 10, 23, 15, 0), Get<DateTime>(table, row, ErcotTable.TimeColumn)));
        Assert.Equal(rows.Count, rows.Select(table.KeyOf).Distinct().Count());
    }

    [SkippableFact]
    public async Task HourlySettlementPrices_AreImported_PlaceholdersPassedOver_AndTheRepeatedHourKeptOnce()
    {
        Skip.IfNot(SharedData.IsPresent, SharedData.SkipReason);
        using var folder = new TemporaryFolder();
        var store = new DuckDbErcotStore(Path.Combine(folder.Path, "hourly.duckdb"));
        await store.InitializeAsync();
        var file = SharedData.PathOf("np6-905-cd_rtm_spp/dam_rtm_hourly_2024_2026_15sp.csv");

        var report = await new ErcotImporter(store).ImportAsync([file]);

        var result = Assert.Single(report.Files);
        Assert.Equal(FileImportStatus.Imported, result.Status);
        Assert.Equal(ErcotTables.HourlySettlementPointPrices.Name, result.Table);
        var table = ErcotTables.HourlySettlementPointPrices;
        var rows = new List<object?[]>();
        await foreach (var row in store.ReadAsync(table, ErcotTime.DayStartUtc(new(2024, 3, 10)), ErcotTime.DayStartUtc(new(2024, 11, 4))))
        {
            rows.Add(row);
        }
        var north = rows.Where(row => (string)row[table.Ordinal("SettlementPoint")]! == "HB_NORTH").ToList();
        // The spring-forward day's HE 03 placeholder carries no price and is not a row; the fall-back day keeps one HE 02.
        Assert.DoesNotContain(north, row => (DateOnly)row[table.Ordinal("DeliveryDate")]! == new DateOnly(2024, 3, 10) && Convert.ToInt32(row[table.Ordinal("HourEnding")], System.Globalization.CultureInfo.InvariantCulture) == 3);
        Assert.Single(north, row => (DateOnly)row[table.Ordinal("DeliveryDate")]! == new DateOnly(2024, 11, 3) && Convert.ToInt32(row[table.Ordinal("HourEnding")], System.Globalization.CultureInfo.InvariantCulture) == 2);
        Assert.Equal(15, rows.Select(row => row[table.Ordinal("SettlementPoint")]).Distinct().Count());
        Assert.True(result.RowsRead > 270_000, $"only {result.RowsRead} rows read");
    }
}

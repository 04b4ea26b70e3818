using Ercot.Core.Import;
using Ercot.Core.Schema;
using Ercot.Core.Sources;
using Ercot.Tests.Infrastructure;

namespace Ercot.Tests.Core.Import;

/// <summary>Importing real files into a fresh DuckDB store: read back, idempotent, and all-or-nothing per file.</summary>
public sealed class ErcotImporterTests : IDisposable
{
    // One real file per table kind, kept small so the suite stays quick (the whole sample is the benchmark).
    private static readonly (string File, ErcotTable Table, int Rows)[] Sample =
    [
        ("np4-190-cd_dam_spp/da_lmp_HB_NORTH.csv", ErcotTables.DamSettlementPointPrices, 10_128),
        ("np6-788-cd_sced_lmp_5min/rtm_LMP_HB_WEST.parquet", ErcotTables.ScedLmp, 123_296),
        ("np6-905-cd_rtm_spp/NP6-905-CD_rtm_spp_all_points_2025-04-10_HE19_int2.csv", ErcotTables.RealTimeSettlementPointPrices, 1_000),
        ("np6-346-cd_load_by_forecast_zone/NP6-346-CD_202411.csv", ErcotTables.LoadByForecastZone, 721),
        ("native_load_by_weather_zone/Native_Load_2024.csv", ErcotTables.LoadByWeatherZone, 8_784),
        ("np4-732-cd_wind_hourly/df_wind_2024_forecast.parquet", ErcotTables.WindHourly, 8_783),
        ("np4-745-cd_solar_hourly/df_solar_2024_actual.parquet", ErcotTables.SolarHourly, 8_783),
        ("np4-188-cd_dam_as_mcpc/DAMASMCPC_2024.csv", ErcotTables.DamAncillaryPrices, 8_784),
    ];

    private readonly TemporaryFolder _folder = new();
    private readonly DuckDbErcotStore _store;

    public ErcotImporterTests() => _store = new DuckDbErcotStore(Path.Combine(_folder.Path, "ercot.duckdb"));

    [SkippableFact]
    public async Task Import_ThenReimport_LeavesTheSameRowsInEveryTable()
    {
        Skip.IfNot(SharedData.IsPresent, SharedData.SkipReason);
        await _store.InitializeAsync();
        var files = Sample.Select(sample => SharedData.PathOf(sample.File)).ToList();

        var first = await new ErcotImporter(_store).ImportAsync(files);
        var afterFirst = await ExtentsAsync();
        var second = await new ErcotImporter(_store).ImportAsync(files);

        Assert.True(first.Succeeded, string.Join("\n", first.Failures.Select(f => f.Message)));
        foreach (var (file, table, rows) in Sample)
        {
            var result = Assert.Single(first.Files, f => f.File.EndsWith(file, StringComparison.Ordinal));
            Assert.Equal(rows, result.RowsRead);
            Assert.Equal(table.Name, result.Table);
        }
        Assert.Equal(afterFirst, await ExtentsAsync());
        Assert.All(second.Files, file => Assert.Equal(file.RowsWritten, file.RowsReplaced));
        Assert.Equal(8_784, afterFirst[ErcotTables.LoadByWeatherZone.Name].Rows);
    }

    [SkippableFact]
    public async Task ImportedRows_ReadBackByUtcRange_WithTheirErcotLabels()
    {
        Skip.IfNot(SharedData.IsPresent, SharedData.SkipReason);
        await _store.InitializeAsync();
        await new ErcotImporter(_store).ImportAsync([SharedData.PathOf("np4-190-cd_dam_spp/da_lmp_HB_NORTH.csv")]);
        var table = ErcotTables.DamSettlementPointPrices;

        // The fall-back day in UTC: 05:00 on 2024-11-03 to 06:00 on 2024-11-04, 25 hours.
        var day = new List<object?[]>();
        await foreach (var row in _store.ReadAsync(table, new DateTime(2024, 11, 3, 5, 0, 0), new DateTime(2024, 11, 4, 6, 0, 0)))
        {
            day.Add(row);
        }

        Assert.Equal(25, day.Count);
        Assert.Equal([1, 2, 2, .. Enumerable.Range(3, 22)], day.Select(row => (int)row[table.Ordinal("HourEnding")]!));
        Assert.Equal([false, false, true, .. Enumerable.Repeat(false, 22)], day.Select(row => (bool)row[table.Ordinal("DSTFlag")]!));
    }

    public static TheoryData<string, string, Func<string, string>, string> Corruptions => new()
    {
        // file, description, corruption, what the error must say
        { "np4-190-cd_dam_spp/da_lmp_HB_NORTH.csv", "bad number", text => ReplaceLine(text, 9000, line => line.Replace(",HB_NORTH,", ",HB_NORTH,12.3.4x", StringComparison.Ordinal)), "da_lmp_HB_NORTH.csv:line 9000: column 'SettlementPointPrice'" },
        { "np4-190-cd_dam_spp/da_lmp_HB_NORTH.csv", "missing column", text => string.Join('\n', text.Split('\n').Select(line => string.Join(',', line.Split(',').Take(4)))), "'DSTFlag'" },
        { "np6-346-cd_load_by_forecast_zone/NP6-346-CD_202411.csv", "bad hour", text => ReplaceLine(text, 700, line => line[..11] + "25:00" + line[16..]), "NP6-346-CD_202411.csv:line 700: column 'HourEnding'" },
        { "np4-188-cd_dam_as_mcpc/DAMASMCPC_2024.csv", "DST flag on an ordinary day", text => ReplaceLine(text, 5000, line => line.Replace(",N,", ",Y,", StringComparison.Ordinal)), "DAMASMCPC_2024.csv:line 5000: column 'Hour Ending'" },
        { "np4-188-cd_dam_as_mcpc/DAMASMCPC_2024.csv", "short line", text => ReplaceLine(text, 42, line => line[..line.LastIndexOf(',')]), "DAMASMCPC_2024.csv:line 42: has 7 fields; the header has 8" },
    };

    [SkippableTheory]
    [MemberData(nameof(Corruptions))]
    public async Task CorruptedCopyOfARealFile_IsRejectedNamingTheSpot_AndTheStoreIsUnchanged(
        string file, string corruption, Func<string, string> corrupt, string expected)
    {
        Skip.IfNot(SharedData.IsPresent, SharedData.SkipReason);
        await _store.InitializeAsync();
        var original = SharedData.PathOf(file);
        await new ErcotImporter(_store).ImportAsync([original]);
        var before = await ExtentsAsync();
        var copy = Path.Combine(_folder.Path, Path.GetFileName(file));
        await File.WriteAllTextAsync(copy, corrupt(await File.ReadAllTextAsync(original)));

        var report = await new ErcotImporter(_store).ImportAsync([copy]);

        var failure = Assert.Single(report.Failures);
        Assert.True(failure.Message!.Contains(expected, StringComparison.Ordinal), $"{corruption}: {failure.Message}");
        Assert.Equal(0, failure.RowsWritten);
        Assert.Equal(before, await ExtentsAsync());
    }

    private static string ReplaceLine(string text, int lineNumber, Func<string, string> change)
    {
        var lines = text.Split('\n');
        lines[lineNumber - 1] = change(lines[lineNumber - 1]);
        return string.Join('\n', lines);
    }

    private async Task<Dictionary<string, TableExtent>> ExtentsAsync()
    {
        var extents = new Dictionary<string, TableExtent>();
        foreach (var table in ErcotTables.All)
        {
            extents[table.Name] = await _store.GetExtentAsync(table);
        }
        return extents;
    }

    public void Dispose() => _folder.Dispose();
}

using System.Globalization;
using Ercot.Core.Import;
using Ercot.Core.Sources;
using Ercot.Tests.Infrastructure;

namespace Ercot.Tests.Features;

/// <summary>
/// Features built from the real sample for 2024. The sample has no year of 15-minute RT prices, so the
/// target falls back to the hourly mean of SCED LMPs, which lack the real-time adders: its mean DART
/// runs a little above MANIFEST.md's 1.11 $/MWh (computed from the true RT SPP) and is held to ±0.5.
/// </summary>
public sealed class RealSampleFeatureTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [SkippableFact]
    public async Task Features2024_HaveEveryHourOfEachHub_AndHbNorthsMeanDartAgreesWithTheManifest()
    {
        Skip.IfNot(SharedData.IsPresent, SharedData.SkipReason);
        var store = new DuckDbErcotStore(Path.Combine(_folder.Path, "real.duckdb"));
        await store.InitializeAsync();
        string[] files =
        [
            .. Directory.GetFiles(SharedData.PathOf("np4-190-cd_dam_spp"), "da_lmp_HB_*.csv"),
            SharedData.PathOf("np6-788-cd_sced_lmp_5min"),
            SharedData.PathOf("np4-732-cd_wind_hourly/df_wind_2024_forecast.parquet"),
            SharedData.PathOf("np4-745-cd_solar_hourly/df_solar_2024_forecast.parquet"),
            .. Directory.GetFiles(SharedData.PathOf("np6-346-cd_load_by_forecast_zone"), "NP6-346-CD_2024*.csv"),
            SharedData.PathOf("np4-188-cd_dam_as_mcpc/DAMASMCPC_2024.csv"),
        ];
        var import = await new ErcotImporter(store).ImportAsync(files);
        Assert.True(import.Succeeded);

        var report = await FeatureFiles.BuildAsync(store, _folder.Path, new(2024, 1, 1), new(2024, 12, 31));
        var rows = await FeatureFiles.ReadAsync(_folder.Path, "true", "settlement_point, dart, rt_source, wind_stwpf_system, dam_d1");

        Assert.Equal(5, report.Points);
        Assert.All(rows.GroupBy(row => row["settlement_point"]), hub => Assert.Equal(366 * 24, hub.Count()));
        var north = rows.Where(row => (string)row["settlement_point"]! == "HB_NORTH").ToList();
        Assert.All(north, row => Assert.Equal("sced", row["rt_source"]));
        var meanDart = north.Average(row => Convert.ToDouble(row["dart"], CultureInfo.InvariantCulture));
        Assert.InRange(meanDart, 1.11 - 0.5, 1.11 + 0.5);
        Assert.True(north.Count(row => row["wind_stwpf_system"] is not null) > 0.99 * north.Count, "the 09:55 wind vintage should cover nearly every hour");
    }

    public void Dispose() => _folder.Dispose();
}

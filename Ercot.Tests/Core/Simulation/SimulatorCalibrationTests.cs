using DuckDB.NET.Data;
using Ercot.Tests.Infrastructure;

namespace Ercot.Tests.Core.Simulation;

/// <summary>
/// A simulated 2024 against the real 2024 of the sample (DAM and hourly RT from the derived file), hub
/// by hub, within the bands stated here. They are loose on purpose: the simulator should look and
/// behave like ERCOT, not replay it.
/// </summary>
public sealed class SimulatorCalibrationTests : IClassFixture<SimulatorCalibrationTests.Year>
{
    private static readonly string[] Hubs = ["HB_NORTH", "HB_HOUSTON", "HB_SOUTH", "HB_WEST", "HB_PAN"];
    private readonly Year _year;

    public SimulatorCalibrationTests(Year year) => _year = year;

    public static TheoryData<string> HubNames => [.. Hubs];

    [SkippableTheory]
    [MemberData(nameof(HubNames))]
    public async Task DamPrices_MatchTheRealYear_WithinTheBands(string hub)
    {
        var (simulated, real) = await _year.StatisticsAsync(hub);

        Within(simulated.DamMedian, real.DamMedian, 0.30, "DAM median");
        Within(simulated.DamMean, real.DamMean, 0.35, "DAM mean");
        Assert.InRange(simulated.DamP95, 0.5 * real.DamP95, 1.5 * real.DamP95);
    }

    [SkippableTheory]
    [MemberData(nameof(HubNames))]
    public async Task Dart_HasTheRealSpread_FatTails_AndEveningStructure(string hub)
    {
        var (simulated, real) = await _year.StatisticsAsync(hub);

        Assert.InRange(simulated.DartMean, real.DartMean - 3, real.DartMean + 3);
        Within(simulated.ZeroForecastMae, real.ZeroForecastMae, 0.30, "MAE of the zero forecast");
        Assert.InRange(simulated.DartP5, 2 * real.DartP5, 0.4 * real.DartP5);
        Assert.InRange(simulated.DartP95, 0.4 * real.DartP95, 2 * real.DartP95);
        Assert.InRange(simulated.DartP1, 2 * real.DartP1, 0.4 * real.DartP1);
        Assert.InRange(simulated.DartP99, 0.4 * real.DartP99, 2 * real.DartP99);
        Assert.True(simulated.DartKurtosis > 10, $"excess kurtosis {simulated.DartKurtosis:F1}: DART should be fat-tailed");
        Assert.True(simulated.EveningToNightMae > 1.2, $"evening/night MAE ratio {simulated.EveningToNightMae:F2}");
    }

    private static void Within(double simulated, double real, double tolerance, string what) =>
        Assert.True(Math.Abs(simulated - real) <= tolerance * Math.Abs(real), $"{what}: simulated {simulated:F2}, real {real:F2} (±{tolerance:P0})");

    /// <summary>One simulated year (seed 1, the five hubs), shared by the tests of this class.</summary>
    public sealed class Year : IAsyncLifetime
    {
        private SimulatedStore? _simulation;
        private Dictionary<string, DartStatistics> _simulated = [];
        private Dictionary<string, DartStatistics> _real = [];

        public async Task InitializeAsync()
        {
            if (!SharedData.IsPresent)
            {
                return;
            }
            _simulation = await SimulatedStore.CreateAsync(new(2024, 1, 1), new(2024, 12, 31), "5", seed: 1);
            using var connection = new DuckDBConnection($"DataSource={_simulation.DatabasePath}");
            await connection.OpenAsync();
            _simulated = await DartStatistics.ComputeAsync(connection, DartStatistics.FromStoreTables);
            var file = SharedData.PathOf("np6-905-cd_rtm_spp/dam_rtm_hourly_2024_2026_15sp.csv").Replace("'", "''", StringComparison.Ordinal);
            _real = await DartStatistics.ComputeAsync(connection, $"""
                SELECT settlement_point AS p, hour_ending AS h, dam_spp AS dam, rtm_spp_hourly_avg AS rt
                FROM read_csv('{file}') WHERE delivery_date < DATE '2025-01-01' AND dam_spp IS NOT NULL AND rtm_spp_hourly_avg IS NOT NULL
                """);
        }

        public Task<(DartStatistics Simulated, DartStatistics Real)> StatisticsAsync(string hub)
        {
            Skip.IfNot(SharedData.IsPresent, SharedData.SkipReason);
            return Task.FromResult((_simulated[hub], _real[hub]));
        }

        public Task DisposeAsync()
        {
            _simulation?.Dispose();
            return Task.CompletedTask;
        }
    }
}

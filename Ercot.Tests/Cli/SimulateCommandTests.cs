using Ercot.Tests.Infrastructure;

namespace Ercot.Tests.Cli;

public sealed class SimulateCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task Simulate_WritesEveryTable_AndWithIfEmpty_LeavesAFilledStoreAlone()
    {
        var first = await CliRunner.RunAsync(_folder.Path, "simulate", "--from", "2024-07-01", "--to", "2024-07-02", "--points", "HB_NORTH,LZ_WEST", "--seed", "3", "--store", "s.duckdb", "--if-empty");
        var second = await CliRunner.RunAsync(_folder.Path, "simulate", "--from", "2024-07-01", "--to", "2024-07-02", "--store", "s.duckdb", "--if-empty");

        Assert.Equal(0, first.ExitCode);
        Assert.Matches(@"hist_DAMSettlementPointPrices\s+96\b", first.Output);
        Assert.Matches(@"hist_RealTimeLMP\s+384\b", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("already holds DAM prices; nothing simulated", second.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--points", "HB_NOWHERE", "unknown settlement point 'HB_NOWHERE'")]
    [InlineData("--points", "16", "choose 1..15 points")]
    [InlineData("--to", "2024-06-01", "comes before --from")]
    public async Task Simulate_WithBadArguments_ExitsWithTheUsageCode_SayingWhy(string option, string value, string message)
    {
        string[] arguments = ["simulate", "--from", "2024-07-01", "--to", "2024-07-02", "--store", "s.duckdb"];
        var index = Array.IndexOf(arguments, option);
        arguments = index >= 0
            ? [.. arguments[..(index + 1)], value, .. arguments[(index + 2)..]]
            : [.. arguments, option, value];

        var result = await CliRunner.RunAsync(_folder.Path, arguments);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "s.duckdb")));
    }

    public void Dispose() => _folder.Dispose();
}

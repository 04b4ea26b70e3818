using Ercot.Tests.Infrastructure;

namespace Ercot.Tests.Cli;

/// <summary>The operator's commands refuse what cannot be done, saying why, and change nothing.</summary>
public sealed class ModelsAndBacktestCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task Rollback_WithNoChampion_ExitsWithTheRejectedCode_AndSaysSo()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "models", "rollback", "--artifacts", _folder.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no champion to roll back", result.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "models", "champion.json")));
    }

    [Fact]
    public async Task PromoteOfAnUnknownVersion_NamesIt()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "models", "promote", "lightgbm", "19990101T000000Z-000000", "--artifacts", _folder.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("19990101T000000Z-000000", result.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--cost", "-1", "'cost'")]
    [InlineData("--theta", "5000", "'theta'")]
    public async Task Backtest_WithACostOrThetaOutOfRange_IsRefusedNamingTheField(string option, string value, string named)
    {
        var result = await CliRunner.RunAsync(_folder.Path, "backtest", "--train-from", "2024-01-01", "--from", "2024-06-01", "--to", "2024-06-30",
            option, value, "--artifacts", _folder.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(named, result.Errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "backtests")));
    }

    public void Dispose() => _folder.Dispose();
}

using Ercot.Tests.Infrastructure;

namespace Ercot.Tests.Cli;

public sealed class ImportCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task Help_ExplainsTheImportCommand_AndTheExitCodes()
    {
        var help = await CliRunner.RunAsync(_folder.Path, "--help");
        var importHelp = await CliRunner.RunAsync(_folder.Path, "import", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("import", help.Output, StringComparison.Ordinal);
        Assert.Contains("Exit codes", help.Output, StringComparison.Ordinal);
        Assert.Contains("--store", importHelp.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OfAMissingPath_ExitsWithTheUsageCode()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "import", "no-such-folder");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no-such-folder", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WithAMalformedFile_ImportsTheRest_NamesTheBadLine_AndExits2()
    {
        var good = Path.Combine(_folder.Path, "dam.csv");
        var bad = Path.Combine(_folder.Path, "load.csv");
        await File.WriteAllTextAsync(good, "DeliveryDate,HourEnding,SettlementPoint,SettlementPointPrice,DSTFlag\n07/01/2024,01:00,HB_NORTH, 25.10,N\n07/01/2024,02:00,HB_NORTH, 23.40,N\n");
        await File.WriteAllTextAsync(bad, "OperDay,HourEnding,NORTH,SOUTH,WEST,HOUSTON,TOTAL,DSTFlag\n03/10/2024,02:00,1,2,3,4,10,N\n03/10/2024,03:00,1,2,3,4,10,N\n");

        var result = await CliRunner.RunAsync(_folder.Path, "import", _folder.Path, "--store", "store.duckdb");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("load.csv:line 3: column 'HourEnding': HE 03 on 2024-03-10 does not exist", result.Errors, StringComparison.Ordinal);
        Assert.Matches(@"hist_DAMSettlementPointPrices\s+1\s+2\s+2\s+0", result.Output);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "store.duckdb")));
    }

    public void Dispose() => _folder.Dispose();
}

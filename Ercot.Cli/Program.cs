using System.CommandLine;
using Ercot.Cli;
using Ercot.Cli.Commands;

var root = new RootCommand(
    "ercot — ERCOT DART forecasting from the command line.\n\n" + ExitCodes.Help)
{
    ImportCommand.Create(),
    SimulateCommand.Create(),
    MarketCommand.Create(),
    BuildFeaturesCommand.Create(),
    TrainCommand.Create(),
    BacktestCommand.Create(),
    ModelsCommand.Create(),
};
root.Add(BootstrapCommand.Create(arguments => root.Parse(arguments).InvokeAsync()));

return await root.Parse(args).InvokeAsync();

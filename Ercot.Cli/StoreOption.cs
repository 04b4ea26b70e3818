using System.CommandLine;
using Ercot.Core.Sources;
using Ercot.ServiceDefaults;

namespace Ercot.Cli;

/// <summary>
/// <c>--store</c>: the DuckDB file of the embedded default. When the environment holds a SQL Server
/// connection string (<c>ConnectionStrings__ercotdb</c>), that database is used instead.
/// </summary>
internal static class StoreOption
{
    public static readonly string SqlServerVariable = $"ConnectionStrings__{ResourceNames.SourceDatabase}";

    public static Option<string> Create() => new("--store")
    {
        Description = $"DuckDB file holding the source tables (default: {ErcotStores.DefaultDuckDbPath}). " +
                      $"Set {SqlServerVariable} to use SQL Server instead.",
        DefaultValueFactory = _ => ErcotStores.DefaultDuckDbPath,
    };

    public static IErcotStore Open(string duckDbPath) =>
        ErcotStores.Create(Environment.GetEnvironmentVariable(SqlServerVariable), duckDbPath);
}

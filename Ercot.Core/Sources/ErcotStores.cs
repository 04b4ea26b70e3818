namespace Ercot.Core.Sources;

/// <summary>Picks the store: SQL Server when a connection string is given, else the embedded DuckDB file.</summary>
public static class ErcotStores
{
    /// <summary>The embedded default's file, relative to the working directory (the AppHost uses the same one beside the solution).</summary>
    public const string DefaultDuckDbPath = ".ercot/ercot.duckdb";

    public static IErcotStore Create(string? sqlServerConnectionString, string? duckDbPath) =>
        string.IsNullOrWhiteSpace(sqlServerConnectionString)
            ? new DuckDbErcotStore(string.IsNullOrWhiteSpace(duckDbPath) ? DefaultDuckDbPath : duckDbPath)
            : new SqlServerErcotStore(sqlServerConnectionString);
}

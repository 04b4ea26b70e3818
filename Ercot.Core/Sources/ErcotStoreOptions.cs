using System.ComponentModel.DataAnnotations;

namespace Ercot.Core.Sources;

/// <summary>Where the source tables are. Bound from the <c>ErcotStore</c> section.</summary>
public sealed class ErcotStoreOptions
{
    public const string SectionName = "ErcotStore";

    /// <summary>
    /// The embedded default's DuckDB file, used when no SQL Server connection string is configured.
    /// Default: <c>.ercot/ercot.duckdb</c> under the working directory; the AppHost sets the solution's.
    /// </summary>
    [Required]
    public string DuckDbPath { get; set; } = ErcotStores.DefaultDuckDbPath;
}

using Ercot.Core.Sources;
using Ercot.ServiceDefaults;
using Microsoft.Extensions.Configuration;

namespace Ercot.AppHost.Extensions;

/// <summary>
/// The source tables: SQL Server when an <c>ercotdb</c> connection string is configured (and always when
/// publishing to Azure), else the embedded DuckDB file — by default <c>.ercot/ercot.duckdb</c> beside the
/// solution, which <c>./run.sh</c> fills with a simulated market on first start.
/// </summary>
internal static class SourceStoreResourceExtensions
{
    internal sealed record SourceStore(IResourceBuilder<IResourceWithConnectionString>? SqlServer, string? DuckDbPath);

    public static SourceStore AddSourceStore(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode
            || !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ResourceNames.SourceDatabase)))
        {
            return new SourceStore(builder.AddConnectionString(ResourceNames.SourceDatabase), DuckDbPath: null);
        }
        var path = builder.Configuration[$"{ErcotStoreOptions.SectionName}:{nameof(ErcotStoreOptions.DuckDbPath)}"]
            ?? Path.Combine(builder.AppHostDirectory, "..", ErcotStores.DefaultDuckDbPath);
        return new SourceStore(SqlServer: null, Path.GetFullPath(path));
    }

    public static IResourceBuilder<ProjectResource> WithSourceStore(this IResourceBuilder<ProjectResource> service, SourceStore store) =>
        store.SqlServer is { } sqlServer
            ? service.WithReference(sqlServer)
            : service.WithEnvironment($"{ErcotStoreOptions.SectionName}__{nameof(ErcotStoreOptions.DuckDbPath)}", store.DuckDbPath);
}

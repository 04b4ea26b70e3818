using Ercot.Core.Sources;
using Ercot.Core.Storage;
using Ercot.ServiceDefaults;
using Microsoft.Extensions.Configuration;

namespace Ercot.AppHost.Extensions;

/// <summary>
/// Where a store lives: behind a connection string (always when publishing to Azure, or when one is
/// configured), else at a local path beside the solution that every service is given.
/// </summary>
internal sealed record StoreLocation(IResourceBuilder<IResourceWithConnectionString>? Connection, string Setting, string? LocalPath);

internal static class StoreResourceExtensions
{
    /// <summary>Features and models: Azure Blob (<c>blobs</c>), else <c>.ercot/artifacts</c> (<c>ArtifactStore:Root</c>).</summary>
    public static StoreLocation AddArtifactStore(this IDistributedApplicationBuilder builder) =>
        builder.AddStore(ResourceNames.Blobs, $"{ArtifactStoreOptions.SectionName}:{nameof(ArtifactStoreOptions.Root)}", ".ercot/artifacts");

    /// <summary>
    /// The source tables: SQL Server (<c>ercotdb</c>), else the DuckDB file <c>.ercot/ercot.duckdb</c>
    /// (<c>ErcotStore:DuckDbPath</c>), which <c>./run.sh</c> fills with a simulated market on first start.
    /// </summary>
    public static StoreLocation AddSourceStore(this IDistributedApplicationBuilder builder) =>
        builder.AddStore(ResourceNames.SourceDatabase, $"{ErcotStoreOptions.SectionName}:{nameof(ErcotStoreOptions.DuckDbPath)}", ErcotStores.DefaultDuckDbPath);

    public static IResourceBuilder<ProjectResource> WithStore(this IResourceBuilder<ProjectResource> service, StoreLocation store) =>
        store.Connection is { } connection
            ? service.WithReference(connection)
            : service.WithEnvironment(store.Setting.Replace(":", "__", StringComparison.Ordinal), store.LocalPath);

    private static StoreLocation AddStore(this IDistributedApplicationBuilder builder, string connectionName, string setting, string defaultPath)
    {
        if (builder.ExecutionContext.IsPublishMode || !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(connectionName)))
        {
            return new StoreLocation(builder.AddConnectionString(connectionName), setting, LocalPath: null);
        }
        var path = builder.Configuration[setting] ?? Path.Combine(builder.AppHostDirectory, "..", defaultPath);
        return new StoreLocation(Connection: null, setting, Path.GetFullPath(path));
    }
}

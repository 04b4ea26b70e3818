using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Ercot.Core.Sources;

public static class ErcotStoreExtensions
{
    /// <summary>
    /// Registers <see cref="IErcotStore"/>: SQL Server when the connection string named
    /// <paramref name="sqlServerConnectionName"/> is configured, else the DuckDB file of <see cref="ErcotStoreOptions"/>.
    /// </summary>
    public static IHostApplicationBuilder AddErcotStore(this IHostApplicationBuilder builder, string sqlServerConnectionName)
    {
        builder.Services.AddOptions<ErcotStoreOptions>()
            .BindConfiguration(ErcotStoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var sqlServer = builder.Configuration.GetConnectionString(sqlServerConnectionName);
        builder.Services.AddSingleton(services =>
            ErcotStores.Create(sqlServer, services.GetRequiredService<IOptions<ErcotStoreOptions>>().Value.DuckDbPath));
        return builder;
    }
}

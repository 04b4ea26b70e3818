using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Ercot.Core.Storage;

public static class ArtifactStoreExtensions
{
    public const string HealthCheckName = "artifact-store";

    /// <summary>
    /// Registers <see cref="IArtifactStore"/>: Azure Blob when the connection string named
    /// <paramref name="blobConnectionName"/> is configured (an account endpoint, reached with the managed identity,
    /// or a connection string), else the local folder of
    /// <see cref="ArtifactStoreOptions.Root"/>. Adds a readiness check that the store is reachable.
    /// </summary>
    public static IHostApplicationBuilder AddArtifactStore(this IHostApplicationBuilder builder, string blobConnectionName)
    {
        builder.Services.AddOptions<ArtifactStoreOptions>()
            .BindConfiguration(ArtifactStoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var blobConnection = builder.Configuration.GetConnectionString(blobConnectionName);
        if (string.IsNullOrWhiteSpace(blobConnection))
        {
            builder.Services.AddSingleton<IArtifactStore>(services =>
                new LocalArtifactStore(services.GetRequiredService<IOptions<ArtifactStoreOptions>>().Value.Root));
        }
        else
        {
            builder.Services.AddSingleton<IArtifactStore>(services =>
            {
                var options = services.GetRequiredService<IOptions<ArtifactStoreOptions>>().Value;
                return new BlobArtifactStore(BlobServiceClients.Create(blobConnection, $"ConnectionStrings:{blobConnectionName}").GetBlobContainerClient(options.Container));
            });
        }

        builder.Services.AddHealthChecks().AddCheck<ArtifactStoreHealthCheck>(HealthCheckName);
        return builder;
    }

    /// <summary>Adds a readiness check that stays Degraded with <paramref name="missingReason"/> until <paramref name="path"/> exists.</summary>
    public static IHealthChecksBuilder AddArtifactExistsCheck(this IHealthChecksBuilder checks, string name, string path, string missingReason) =>
        checks.Add(new HealthCheckRegistration(
            name,
            services => new ArtifactExistsHealthCheck(services.GetRequiredService<IArtifactStore>(), path, missingReason),
            failureStatus: null,
            tags: null));
}

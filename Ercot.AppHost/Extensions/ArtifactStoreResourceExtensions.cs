using Ercot.Core.Storage;
using Ercot.ServiceDefaults;
using Microsoft.Extensions.Configuration;

namespace Ercot.AppHost.Extensions;

/// <summary>
/// The artifact store every service shares: Azure Blob when a <c>blobs</c> connection string is
/// configured (and always when publishing to Azure), else one local folder — by default
/// <c>.ercot/artifacts</c> beside the solution, overridable with <c>ArtifactStore:Root</c>.
/// </summary>
internal static class ArtifactStoreResourceExtensions
{
    internal sealed record ArtifactStore(IResourceBuilder<IResourceWithConnectionString>? Blobs, string? LocalRoot);

    public static ArtifactStore AddArtifactStore(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode
            || !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ResourceNames.Blobs)))
        {
            return new ArtifactStore(builder.AddConnectionString(ResourceNames.Blobs), LocalRoot: null);
        }

        var root = builder.Configuration[$"{ArtifactStoreOptions.SectionName}:{nameof(ArtifactStoreOptions.Root)}"]
            ?? Path.Combine(builder.AppHostDirectory, "..", ".ercot", "artifacts");
        return new ArtifactStore(Blobs: null, Path.GetFullPath(root));
    }

    public static IResourceBuilder<ProjectResource> WithArtifactStore(this IResourceBuilder<ProjectResource> service, ArtifactStore store) =>
        store.Blobs is { } blobs
            ? service.WithReference(blobs)
            : service.WithEnvironment($"{ArtifactStoreOptions.SectionName}__{nameof(ArtifactStoreOptions.Root)}", store.LocalRoot);
}

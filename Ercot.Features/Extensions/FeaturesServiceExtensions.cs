using Ercot.Core.Storage;
using Ercot.ServiceDefaults;

namespace Ercot.Features.Extensions;

public static class FeaturesServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddArtifactStore(ResourceNames.Blobs);
        builder.Services.AddHealthChecks().AddArtifactExistsCheck(
            "feature-store",
            ArtifactPaths.FeatureSchema,
            $"no features built yet: {ArtifactPaths.FeatureSchema} is not in the artifact store");
        return builder;
    }
}

using Ercot.Core.Storage;
using Ercot.ServiceDefaults;

namespace Ercot.Training.Extensions;

public static class TrainingServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddArtifactStore(ResourceNames.Blobs);
        // Training needs built features; until they exist it cannot do its job and says so.
        builder.Services.AddHealthChecks().AddArtifactExistsCheck(
            "features-available",
            ArtifactPaths.FeatureSchema,
            $"no features to train on: {ArtifactPaths.FeatureSchema} is not in the artifact store");
        return builder;
    }
}

using Ercot.Core.Storage;
using Ercot.ServiceDefaults;
using Ercot.Training.Trainers;

namespace Ercot.Training.Extensions;

public static class TrainingServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddArtifactStore(ResourceNames.Blobs);
        builder.Services.AddHealthChecks().AddCheck<TrainingReadinessHealthCheck>("training");
        return builder;
    }
}

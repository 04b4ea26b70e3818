using Ercot.Core.Storage;
using Ercot.Inference.Scoring;
using Ercot.ServiceDefaults;

namespace Ercot.Inference.Extensions;

public static class InferenceServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddArtifactStore(ResourceNames.Blobs);
        builder.Services.AddHealthChecks().AddCheck<ModelsLoadedHealthCheck>("models");
        return builder;
    }
}

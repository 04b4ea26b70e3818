using Ercot.Core.Storage;
using Ercot.Inference.Scoring;
using Ercot.ServiceDefaults;
using Ercot.Models.Registry;

namespace Ercot.Inference.Extensions;

public static class InferenceServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InferenceOptions>()
            .BindConfiguration(InferenceOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddArtifactStore(ResourceNames.Blobs);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ModelRegistry>();
        builder.Services.AddSingleton<Ercot.Models.FeatureStoreReader>();
        builder.Services.AddSingleton<ChampionHolder>();
        builder.Services.AddSingleton<Ercot.Inference.Monitoring.DriftMonitor>();
        builder.Services.AddSingleton<Ercot.Inference.Monitoring.InferenceMetrics>();
        builder.Services.AddHostedService<ChampionWatcher>();
        builder.Services.AddHealthChecks().AddCheck<ModelsLoadedHealthCheck>("models");
        builder.Services.AddGatewayOpenApi();
        return builder;
    }
}

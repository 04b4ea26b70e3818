using Ercot.Core.Forecasts;
using Ercot.Core.Storage;
using Ercot.Inference.Issuing;
using Ercot.Inference.TrackRecord;
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
        builder.Services.AddSingleton<ShadowModels>();
        builder.Services.AddSingleton<IssueStatus>();
        builder.Services.AddSingleton<ForecastIssuer>();
        builder.Services.AddSingleton<TrackRecordMonitor>();
        builder.Services.AddSingleton(services => new ShadowJudge(
            services.GetRequiredService<ModelRegistry>(), new TrackRecordStore(services.GetRequiredService<IArtifactStore>()), services.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<ShadowJudgeService>();
        builder.Services.AddHealthChecks().AddCheck<ModelsLoadedHealthCheck>("models")
            .AddCheck<TrackRecordHealthCheck>(TrackRecordHealthCheck.Name);
        builder.Services.AddGatewayOpenApi();
        return builder;
    }
}

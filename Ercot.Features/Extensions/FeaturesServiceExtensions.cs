using Ercot.Core.Sources;
using Ercot.Core.Storage;
using Ercot.Features.Health;
using Ercot.Features.Jobs;
using Ercot.Features.Pipeline;
using Ercot.Features.Replica;
using Ercot.ServiceDefaults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ercot.Features.Extensions;

public static class FeaturesServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FeaturesOptions>()
            .BindConfiguration(FeaturesOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(options => TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _), "Features:TimeZone is not a known time zone id.")
            .ValidateOnStart();
        builder.AddArtifactStore(ResourceNames.Blobs);
        builder.AddErcotStore(ResourceNames.SourceDatabase);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FeatureBuilder>();
        builder.Services.AddSingleton<FeedFreshnessCheck>();
        builder.Services.AddSingleton<FeatureBuildStatusStore>();
        builder.Services.AddSingleton<ReplicaStatus>();
        builder.Services.AddHostedService<MarketReplicaService>();
        builder.AddFeatureJobs();
        builder.Services.AddHealthChecks().AddArtifactExistsCheck(
            "feature-store",
            ArtifactPaths.FeatureSchema,
            $"no features built yet: {ArtifactPaths.FeatureSchema} is not in the artifact store")
            .AddCheck<FeedFreshnessCheck>(FeedFreshnessCheck.Name, HealthStatus.Degraded)
            .AddCheck<ReplicaHealthCheck>(ReplicaHealthCheck.Name);
        return builder;
    }
}

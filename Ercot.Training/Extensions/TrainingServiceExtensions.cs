using Ercot.Core.Storage;
using Ercot.ServiceDefaults;
using Ercot.Models.Registry;
using Ercot.Training.Runs;
using Ercot.Models;
using Ercot.Models.Backtesting;
using Ercot.Training.Backtests;

namespace Ercot.Training.Extensions;

public static class TrainingServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddArtifactStore(ResourceNames.Blobs);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FeatureStoreReader>();
        builder.Services.AddSingleton<ModelRegistry>();
        builder.Services.AddSingleton<TrainingRunner>();
        builder.Services.AddSingleton<TrainingRunStore>();
        builder.Services.AddSingleton<BacktestRunner>();
        builder.Services.AddSingleton<BacktestJobStore>();
        builder.Services.AddSingleton<PendingRuns>();
        builder.Services.AddHostedService<InterruptedJobs>();
        builder.Services.AddHostedService<TrainingWorker>();
        builder.Services.AddHealthChecks().AddArtifactExistsCheck(
            "features-available",
            ArtifactPaths.FeatureSchema,
            $"no features to train on: {ArtifactPaths.FeatureSchema} is not in the artifact store");
        return builder;
    }
}

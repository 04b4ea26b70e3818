using Hangfire;
using Ercot.ServiceDefaults;
using Hangfire.PostgreSql;

namespace Ercot.Features.Jobs;

public static class FeatureJobsExtensions
{
    /// <summary>The connection string of the Hangfire job store, when it is SQL Server or PostgreSQL.</summary>
    public const string JobStoreConnectionName = "hangfire";

    /// <summary>Hangfire with the configured job store, a server, bounded retries and the recurring jobs.</summary>
    public static IHostApplicationBuilder AddFeatureJobs(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(FeaturesOptions.SectionName).Get<FeaturesOptions>() ?? new FeaturesOptions();
        var connectionString = builder.Configuration.GetConnectionString(JobStoreConnectionName);
        if (options.JobStore != JobStoreKind.InMemory && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Features:JobStore is {options.JobStore}, but no connection string 'ConnectionStrings:{JobStoreConnectionName}' is configured.");
        }

        builder.Services.AddTransient<FeatureBuildJob>();
        builder.Services.AddTransient<RetrainJob>();
        builder.Services.AddHttpClient<TrainingClient>(client => client.BaseAddress = new Uri($"http://{ResourceNames.Training}"));
        builder.Services.AddHttpClient<InferenceClient>(client => client.BaseAddress = new Uri($"http://{ResourceNames.Inference}"));
        builder.Services.AddTransient<DailyCycleJobs>();
        builder.Services.AddHangfire(configuration =>
        {
            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseFilter(new AutomaticRetryAttribute { Attempts = options.BuildRetries });
            switch (options.JobStore)
            {
                case JobStoreKind.SqlServer:
                    // Through a connection factory, so that Azure SQL with the managed identity works for the job store too.
                    configuration.UseSqlServerStorage(() => Ercot.Core.Sources.SqlConnections.Create(connectionString!));
                    break;
                case JobStoreKind.PostgreSql:
                    configuration.UsePostgreSqlStorage(storage => storage.UseNpgsqlConnection(connectionString));
                    break;
                default:
                    configuration.UseInMemoryStorage();
                    break;
            }
        });
        builder.Services.AddHangfireServer(server => server.WorkerCount = options.Workers);
        // With antiforgery registered, the Hangfire dashboard puts a token in its pages and refuses a POST (trigger,
        // delete, requeue) without it: people now reach it with a session cookie, which a forged form would carry.
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "ercot.hangfire.antiforgery";
            antiforgery.Cookie.Path = "/hangfire";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.AddHostedService<RecurringFeatureJobs>();
        builder.Services.AddHostedService<InterruptedBuilds>();
        return builder;
    }

    /// <summary>The Hangfire dashboard at <c>/hangfire</c>, for admin keys coming through the gateway.</summary>
    public static WebApplication MapFeatureJobsDashboard(this WebApplication app)
    {
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new GatewayAdminDashboardFilter()],
            DashboardTitle = "Ercot jobs",
        });
        return app;
    }
}

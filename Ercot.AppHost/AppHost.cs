using Ercot.AppHost.Extensions;
using Ercot.ServiceDefaults;

var builder = DistributedApplication.CreateBuilder(args);

var artifacts = builder.AddArtifactStore();
var sources = builder.AddSourceStore();

var training = builder.AddProject<Projects.Ercot_Training>(ResourceNames.Training)
    .WithStore(artifacts)
    // OpenMP threads that spin while waiting slow LightGBM and XGBoost down many times on small machines.
    .WithEnvironment("OMP_WAIT_POLICY", "PASSIVE")
    .WithRetrainNowCommand()
    .WithHttpHealthCheck(HealthEndpoints.Ready)
    .PublishTrainingFromDockerfile();

var inference = builder.AddProject<Projects.Ercot_Inference>(ResourceNames.Inference)
    .WithStore(artifacts)
    .WithHttpHealthCheck(HealthEndpoints.Ready);

// The feature service also runs the daily cycle (build, issue through inference, score) and, on the embedded default, the live market replica.
var features = builder.AddProject<Projects.Ercot_Features>(ResourceNames.Features)
    .WithStore(artifacts)
    .WithStore(sources)
    .WithReference(training)
    .WithReference(inference)
    .WithPublishedJobStore()
    .WithHttpHealthCheck(HealthEndpoints.Ready);

// The trading desk: pages over the same APIs, reached only through the gateway (which signs people in).
var desk = builder.AddProject<Projects.Ercot_Desk>(ResourceNames.Desk)
    .WithStore(artifacts)
    .WithReference(inference)
    .WithReference(features)
    .WithReference(training)
    .WithHttpHealthCheck(HealthEndpoints.Ready);

builder.AddProject<Projects.Ercot_Gateway>(ResourceNames.Gateway)
    .WithExternalHttpEndpoints()
    .WithReference(desk).WaitFor(desk)
    .WithReference(inference).WaitFor(inference)
    .WithReference(features).WaitFor(features)
    .WithReference(training).WaitFor(training)
    .WithDevelopmentApiKey()
    .WithPublishedApiKeys()
    .WithLocalGatewaySettings()
    .WithHttpHealthCheck(HealthEndpoints.Ready);

builder.WithTraceSampling();

builder.Build().Run();

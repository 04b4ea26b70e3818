using Ercot.Inference.Apis;
using Ercot.Inference.Extensions;
using Ercot.ServiceDefaults;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseGatewayForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapDefaultEndpoints();
app.MapModelInfoApi();
app.MapModelsApi();
app.MapScoreApi();
app.MapForecastApi();
app.MapIssuedForecastsApi();
app.MapTrackRecordApi();
app.MapOpenInferenceApi();
app.MapMonitoringApi();
app.MapOpenApi();
app.MapScalarApiReference();

app.Run();

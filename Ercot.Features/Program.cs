using Ercot.Features.Apis;
using Ercot.Features.Extensions;
using Ercot.Features.Jobs;
using Ercot.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapDefaultEndpoints();
app.MapFeaturesApi();
app.MapFeatureJobsDashboard();

app.Run();

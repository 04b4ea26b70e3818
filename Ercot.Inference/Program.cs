using Ercot.Inference.Apis;
using Ercot.Inference.Extensions;
using Ercot.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapDefaultEndpoints();
app.MapModelInfoApi();
app.MapScoreApi();
app.MapForecastApi();

app.Run();

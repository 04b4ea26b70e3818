using Ercot.ServiceDefaults;
using Ercot.Training.Apis;
using Ercot.Training.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapDefaultEndpoints();
app.MapTrainingApi();
app.MapBacktestApi();

app.Run();

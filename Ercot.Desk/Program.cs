using Ercot.Desk;
using Ercot.Desk.Components;
using Ercot.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDeskServices();

var app = builder.Build();

app.UsePathBase(DeskPaths.Base);
app.UseRouting();
app.UseExceptionHandler();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapStaticAssets();
app.MapDownloads();
app.MapRazorComponents<App>();

app.Run();

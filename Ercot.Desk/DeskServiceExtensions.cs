using Ercot.Core.Storage;
using Ercot.Desk.Data;
using Ercot.ServiceDefaults;
using Microsoft.FluentUI.AspNetCore.Components;

namespace Ercot.Desk;

public static class DeskServiceExtensions
{
    public static IHostApplicationBuilder AddDeskServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddFluentUIComponents();
        builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.Name = "ercot.desk.antiforgery");
        builder.AddArtifactStore(ResourceNames.Blobs);
        builder.Services.AddSingleton(TimeProvider.System);
        foreach (var service in new[] { ResourceNames.Inference, ResourceNames.Features, ResourceNames.Training })
        {
            // "http://inference" is resolved by service discovery, as the gateway resolves it.
            builder.Services.AddHttpClient(service, client => client.BaseAddress = new Uri($"http://{service}"));
        }
        builder.Services.AddSingleton<ErcotServices>();
        builder.Services.AddSingleton<BacktestFiles>();
        builder.Services.AddSingleton<TradingRules>();
        return builder;
    }
}

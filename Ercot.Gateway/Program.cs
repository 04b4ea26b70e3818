using Ercot.Gateway;
using Ercot.Gateway.Extensions;
using Ercot.Gateway.Proxy;
using Ercot.Gateway.SignIn;
using Ercot.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GatewayOptions>>().Value.TrustForwardedFor)
{
    // The ingress appends the caller's address last; only that entry is believed.
    var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor, ForwardLimit = 1 };
    forwarded.KnownIPNetworks.Clear();
    forwarded.KnownProxies.Clear();
    app.UseForwardedHeaders(forwarded);
}
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.Use(OversizedBodies.RefuseAsync);
app.UseRateLimiter();
app.UseRequestTimeouts();

app.MapDefaultEndpoints();
app.MapSignIn();
app.MapReverseProxy(proxy =>
{
    proxy.Use(BackendFailures.DescribeAsync);
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});

app.Run();

using Ercot.Gateway.Auth;
using Ercot.Gateway.RateLimiting;
using Ercot.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Transforms;

namespace Ercot.Gateway.Extensions;

public static class GatewayServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>()
            .BindConfiguration(GatewayOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        builder.Services.AddSingleton(services => ApiKeyStore.Create(
            services.GetRequiredService<IOptions<GatewayOptions>>().Value,
            services.GetRequiredService<IHostEnvironment>().IsDevelopment()));
        builder.Services.AddHealthChecks()
            .AddCheck<ApiKeysHealthCheck>("api-keys")
            .AddCheck<Ercot.Gateway.Proxy.BackendsHealthCheck>(Ercot.Gateway.Proxy.BackendsHealthCheck.Name);
        builder.Services.AddRequestTimeouts();

        builder.Services.AddAuthentication(SessionDefaults.KeyOrSessionScheme)
            .AddPolicyScheme(SessionDefaults.KeyOrSessionScheme, "API key header or browser session",
                scheme => scheme.ForwardDefaultSelector = SessionCookies.SelectScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyDefaults.AuthenticationScheme, configureOptions: null)
            .AddSessionCookies();
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "ercot.gateway.antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyScopes.Score, RequireScope(ApiKeyScopes.Score))
            .AddPolicy(ApiKeyScopes.Admin, RequireScope(ApiKeyScopes.Admin))
            .AddPolicy(ApiKeyScopes.AnyScope, RequireScope(ApiKeyScopes.Score, ApiKeyScopes.Admin))
            // Anything not explicitly opened (the probes are) needs at least a valid key.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddPerKeyRateLimiting();
        builder.Services.AddSingleton<FailedAuthentications>();
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.AddReverseProxy()
            .LoadFromMemory(GatewayRoutes.Routes, GatewayRoutes.Clusters)
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms(context =>
            {
                // The key stops here; backends learn who called, and with which scopes, from headers only the gateway sets.
                context.AddRequestHeaderRemove(ApiKeyDefaults.HeaderName);
                context.AddRequestHeaderRemove(GatewayHeaders.Client);
                context.AddRequestHeaderRemove(GatewayHeaders.Scopes);
                context.AddRequestTransform(transform =>
                {
                    // The session cookie stops here too; the backends' own cookies (their antiforgery tokens) go on.
                    if (transform.ProxyRequest.Headers.TryGetValues(Microsoft.Net.Http.Headers.HeaderNames.Cookie, out var cookies))
                    {
                        var kept = SessionCookies.WithoutSessionCookie(string.Join("; ", cookies));
                        transform.ProxyRequest.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.Cookie);
                        if (kept is not null)
                        {
                            transform.ProxyRequest.Headers.TryAddWithoutValidation(Microsoft.Net.Http.Headers.HeaderNames.Cookie, kept);
                        }
                    }
                    var user = transform.HttpContext.User;
                    if (user.Identity?.Name is { } client)
                    {
                        transform.ProxyRequest.Headers.TryAddWithoutValidation(GatewayHeaders.Client, client);
                        transform.ProxyRequest.Headers.TryAddWithoutValidation(GatewayHeaders.Scopes,
                            string.Join(',', user.FindAll(ApiKeyDefaults.ScopeClaimType).Select(claim => claim.Value)));
                    }
                    return ValueTask.CompletedTask;
                });
            });
        return builder;
    }

    /// <summary>A valid key (header or session) holding any of <paramref name="scopes"/>.</summary>
    private static Action<AuthorizationPolicyBuilder> RequireScope(params string[] scopes) => policy => policy
        .AddAuthenticationSchemes(SessionDefaults.KeyOrSessionScheme)
        .RequireAuthenticatedUser()
        .RequireClaim(ApiKeyDefaults.ScopeClaimType, scopes);
}

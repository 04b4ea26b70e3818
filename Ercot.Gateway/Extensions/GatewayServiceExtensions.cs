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

        builder.Services.AddAuthentication(ApiKeyDefaults.AuthenticationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyDefaults.AuthenticationScheme, configureOptions: null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyScopes.Score, RequireScope(ApiKeyScopes.Score))
            .AddPolicy(ApiKeyScopes.Admin, RequireScope(ApiKeyScopes.Admin))
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

    private static Action<AuthorizationPolicyBuilder> RequireScope(string scope) => policy => policy
        .AddAuthenticationSchemes(ApiKeyDefaults.AuthenticationScheme)
        .RequireAuthenticatedUser()
        .RequireClaim(ApiKeyDefaults.ScopeClaimType, scope);
}

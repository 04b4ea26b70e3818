using System.Text.Json.Nodes;
using Ercot.Core.Time;
using Ercot.Inference.Scoring;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ercot.Inference.Extensions;

/// <summary>
/// The inference API's OpenAPI document as a caller of the gateway needs it: the gateway (the forwarded host) as its
/// only server, the <c>X-Api-Key</c> scheme required by every operation, and a <c>/score</c> example built from the
/// served models' own feature list, so "Test Request" in Scalar answers 200 through the gateway.
/// </summary>
public static class GatewayOpenApi
{
    public const string SchemeName = "ApiKey";

    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        return services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<GatewayDocumentTransformer>();
            options.AddOperationTransformer<ScoreExampleTransformer>();
        });
    }

    /// <summary>The gateway sets X-Forwarded-Host, -Proto and -Prefix; only it can reach this service.</summary>
    public static WebApplication UseGatewayForwardedHeaders(this WebApplication app)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedProto };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        app.UseForwardedHeaders(options);
        return app;
    }

    private sealed class GatewayDocumentTransformer(IHttpContextAccessor http) : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info.Title = "Ercot DART forecasts";
            document.Info.Description = "Day-ahead minus real-time settlement price forecasts for ERCOT settlement points, through the Ercot gateway. "
                + "Every call needs an API key in the X-Api-Key header; /score, /forecast, /model/info and /v2 need the 'score' scope.";
            if (http.HttpContext?.Request is { } request)
            {
                // No trailing slash: a client joins it with "/score", not "//score".
                document.Servers = [new OpenApiServer { Url = $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/'), Description = "The Ercot gateway" }];
            }
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "An Ercot API key (./run.sh prints the development key); the gateway checks it and its scopes.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
            return Task.CompletedTask;
        }
    }

    /// <summary>A /score body that scores: one row for tomorrow's hour ending 15, every feature the served models read (null: unknown).</summary>
    private sealed class ScoreExampleTransformer(ChampionHolder champions, TimeProvider time) : IOpenApiOperationTransformer
    {
        public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
        {
            if (operation.OperationId != ScoreOperation || operation.RequestBody?.Content?.TryGetValue("application/json", out var json) != true || json is null)
            {
                return Task.CompletedTask;
            }
            var features = new JsonObject();
            foreach (var name in champions.Current?.Features ?? [])
            {
                features[name] = null;
            }
            var tomorrow = ErcotTime.ToErcotHour(time.GetUtcNow().UtcDateTime).DeliveryDate.AddDays(1);
            json.Example = new JsonObject
            {
                ["model"] = "ensemble",
                ["rows"] = new JsonArray(new JsonObject
                {
                    ["settlementPoint"] = "HB_NORTH",
                    ["deliveryDate"] = $"{tomorrow:yyyy-MM-dd}",
                    ["hourEnding"] = 15,
                    ["features"] = features,
                }),
            };
            return Task.CompletedTask;
        }
    }

    public const string ScoreOperation = "Score";
}

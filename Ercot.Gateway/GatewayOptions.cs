using System.ComponentModel.DataAnnotations;

namespace Ercot.Gateway;

/// <summary>The gateway's API keys and limits. Bound from the <c>Gateway</c> section and validated at start-up.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>The keys that may call the gateway. Only hashes are configured, never the keys themselves.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>
    /// SHA-256 (hex) of the local development key, set by the AppHost from user secrets. Honoured only
    /// when the environment is Development, so it can never open a production gateway.
    /// </summary>
    public string? DevelopmentKeySha256 { get; set; }

    /// <summary>Requests per minute allowed to each key that does not set its own limit. Default: 600.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>
    /// Requests a minute that one client address may make without a valid key (none, a wrong one) before it is
    /// answered 429. Default: 20.
    /// </summary>
    [Range(1, 100_000)]
    public int FailedAuthenticationsPerMinute { get; set; } = 20;

    /// <summary>
    /// Take the client's address from the last <c>X-Forwarded-For</c> entry, as the ingress in front of the gateway
    /// (Azure Container Apps) appends it. Only where such an ingress is the gateway's only way in; default false.
    /// </summary>
    public bool TrustForwardedFor { get; set; }

    /// <summary>
    /// How long a browser session started on the sign-in page lasts before the key must be pasted again
    /// (never renewed by use). Default: 8 hours; between one minute and 30 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}

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
}

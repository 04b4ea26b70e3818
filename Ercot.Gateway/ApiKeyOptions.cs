namespace Ercot.Gateway;

/// <summary>One configured API key.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Who holds the key (a desk, a service). Shown in logs and traces instead of the key.</summary>
    public string Name { get; set; } = "";

    /// <summary>Lower-case or upper-case hex SHA-256 of the key's UTF-8 bytes (64 characters).</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>What the key may do: <c>score</c>, <c>admin</c> or both.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>This key's own requests-per-minute limit; <see cref="GatewayOptions.RequestsPerMinute"/> when unset.</summary>
    public int? RequestsPerMinute { get; set; }
}

namespace Ercot.ServiceDefaults;

/// <summary>
/// Headers the gateway sets on every proxied request after removing any a client sent, so that the
/// services behind it (never reachable from outside) can trust them.
/// </summary>
public static class GatewayHeaders
{
    /// <summary>The calling key's name.</summary>
    public const string Client = "X-Ercot-Client";

    /// <summary>The calling key's scopes, comma-separated.</summary>
    public const string Scopes = "X-Ercot-Scopes";
}

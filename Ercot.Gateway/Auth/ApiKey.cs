namespace Ercot.Gateway.Auth;

/// <summary>A validated key: its holder's name, the SHA-256 of the key, its scopes and its rate limit.</summary>
public sealed record ApiKey(string Name, byte[] Hash, IReadOnlySet<string> Scopes, int RequestsPerMinute);

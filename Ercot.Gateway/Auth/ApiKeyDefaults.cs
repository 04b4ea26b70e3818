namespace Ercot.Gateway.Auth;

public static class ApiKeyDefaults
{
    public const string AuthenticationScheme = "ApiKey";

    /// <summary>The request header that carries the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>The claim type of each scope a key holds.</summary>
    public const string ScopeClaimType = "scope";
}

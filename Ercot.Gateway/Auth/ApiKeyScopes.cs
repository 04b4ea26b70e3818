namespace Ercot.Gateway.Auth;

/// <summary>The scopes a key can hold; each is also the name of the authorization policy that requires it.</summary>
public static class ApiKeyScopes
{
    /// <summary>Scoring and reading model information: what a trader's client needs.</summary>
    public const string Score = "score";

    /// <summary>Operating the platform: feature builds, training, the Hangfire dashboard, the registry.</summary>
    public const string Admin = "admin";

    /// <summary>Not a scope but a policy: any key with a scope (the desk's read-only pages; admin actions check for admin themselves).</summary>
    public const string AnyScope = "any-scope";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Score, Admin };
}

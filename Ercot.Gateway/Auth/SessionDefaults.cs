namespace Ercot.Gateway.Auth;

/// <summary>Names of the browser session a person starts by pasting a key on the sign-in page.</summary>
public static class SessionDefaults
{
    public const string AuthenticationScheme = "Session";

    /// <summary>The scheme every route authenticates with: the key header when sent, else the session cookie.</summary>
    public const string KeyOrSessionScheme = "KeyOrSession";

    public const string CookieName = "ercot.session";

    /// <summary>A fingerprint of the key's hash, so that a key replaced under the same name ends the sessions of the old one.</summary>
    public const string KeyFingerprintClaimType = "key-fingerprint";

    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";
}

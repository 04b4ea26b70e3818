using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using CookieHeaderValue = Microsoft.Net.Http.Headers.CookieHeaderValue;

namespace Ercot.Gateway.Auth;

/// <summary>
/// The browser session: an HttpOnly, SameSite=Strict cookie (Secure unless the gateway is reached on a loopback
/// address) protected by ASP.NET Core Data Protection, holding the key's name, scopes and a fingerprint of its hash —
/// never the key. It lasts <see cref="GatewayOptions.SessionLifetime"/> and is checked against the configured keys on
/// every request: remove or replace a key and its sessions end.
/// </summary>
public static class SessionCookies
{
    public static AuthenticationBuilder AddSessionCookies(this AuthenticationBuilder authentication)
    {
        authentication.Services.AddOptions<CookieAuthenticationOptions>(SessionDefaults.AuthenticationScheme)
            .Configure<IOptions<GatewayOptions>>((cookie, gateway) =>
            {
                cookie.ExpireTimeSpan = gateway.Value.SessionLifetime;
                cookie.SlidingExpiration = false;
            });
        return authentication.AddCookie(SessionDefaults.AuthenticationScheme, cookie =>
        {
            cookie.Cookie.Name = SessionDefaults.CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = SessionDefaults.SignInPath;
            cookie.LogoutPath = SessionDefaults.SignOutPath;
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Events = new CookieAuthenticationEvents
            {
                OnSigningIn = context =>
                {
                    context.CookieOptions.Secure = NeedsSecure(context.HttpContext);
                    return Task.CompletedTask;
                },
                OnValidatePrincipal = ValidateAsync,
                OnRedirectToAccessDenied = context => ForbiddenPages.WriteAsync(context.HttpContext),
            };
        });
    }

    /// <summary>The principal of a session for <paramref name="key"/>.</summary>
    public static ClaimsPrincipal PrincipalOf(ApiKey key) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, key.Name),
            new Claim(SessionDefaults.KeyFingerprintClaimType, Fingerprint(key)),
            .. key.Scopes.Order(StringComparer.Ordinal).Select(scope => new Claim(ApiKeyDefaults.ScopeClaimType, scope)),
        ],
        SessionDefaults.AuthenticationScheme));

    /// <summary>Secure everywhere but on loopback, where the local AppHost serves plain HTTP.</summary>
    public static bool NeedsSecure(HttpContext context) =>
        context.Request.IsHttps || !(context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address));

    /// <summary>Picks the header key when one is sent; else a session cookie, or a browser asking for a page; else the header key (and its 401).</summary>
    public static string SelectScheme(HttpContext context) =>
        context.Request.Headers.ContainsKey(ApiKeyDefaults.HeaderName) ? ApiKeyDefaults.AuthenticationScheme
        : context.Request.Cookies.ContainsKey(SessionDefaults.CookieName) || AcceptsHtml(context.Request) ? SessionDefaults.AuthenticationScheme
        : ApiKeyDefaults.AuthenticationScheme;

    public static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>Removes the session cookie from a <c>Cookie</c> header value; null when nothing else is left.</summary>
    public static string? WithoutSessionCookie(string cookieHeader)
    {
        var kept = CookieHeaderValue.ParseList([cookieHeader])
            .Where(cookie => !cookie.Name.Equals(SessionDefaults.CookieName, StringComparison.Ordinal))
            .Select(cookie => cookie.ToString())
            .ToList();
        return kept.Count == 0 ? null : string.Join("; ", kept);
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var keys = context.HttpContext.RequestServices.GetRequiredService<ApiKeyStore>();
        var principal = context.Principal;
        var key = principal?.Identity?.Name is { } name ? keys.FindByName(name) : null;
        var scopes = principal?.FindAll(ApiKeyDefaults.ScopeClaimType).Select(claim => claim.Value).ToHashSet(StringComparer.Ordinal);
        if (key is null
            || principal!.FindFirst(SessionDefaults.KeyFingerprintClaimType)?.Value != Fingerprint(key)
            || !key.Scopes.SetEquals(scopes!))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SessionDefaults.AuthenticationScheme);
        }
    }

    private static string Fingerprint(ApiKey key) => Convert.ToHexStringLower(SHA256.HashData(key.Hash))[..16];
}

using System.Net;
using Ercot.Gateway.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Ercot.Gateway.SignIn;

/// <summary>
/// Browser sign-in: a person pastes an API key, the gateway checks it as it checks the header, and answers with the
/// session cookie (<see cref="SessionCookies"/>). A wrong key is refused on the page and counts against the address's
/// failed authentications like a wrong header. Sign-out clears the cookie. Both forms carry antiforgery tokens.
/// </summary>
public static partial class SignInEndpoints
{
    /// <summary>Where a person lands after signing in when the sign-in page was not reached from another page.</summary>
    public const string DefaultReturnUrl = "/desk/";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect(DefaultReturnUrl)).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(SessionDefaults.SignInPath, ShowSignInAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(SessionDefaults.SignInPath, SignInAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(SessionDefaults.SignOutPath, ShowSignOutAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(SessionDefaults.SignOutPath, SignOutAsync).AllowAnonymous().ExcludeFromDescription()
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }

    private static Task ShowSignInAsync(HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
        WriteSignInAsync(context, antiforgery, LocalOrDefault(returnUrl), error: null);

    private static async Task SignInAsync(
        HttpContext context, IAntiforgery antiforgery, ApiKeyStore keys, FailedAuthentications failures, ILoggerFactory loggers,
        [FromForm] string? key, [FromForm] string? returnUrl)
    {
        var logger = loggers.CreateLogger(typeof(SignInEndpoints));
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var target = LocalOrDefault(returnUrl);
        var found = string.IsNullOrWhiteSpace(key) ? null : keys.Find(key.Trim());
        if (found is null)
        {
            if (failures.Record(address) is { } retryAfter)
            {
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteSignInAsync(context, antiforgery, target, $"Too many failed sign-ins from this address; try again in {seconds} s.");
                return;
            }
            LogRejected(logger, address);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await WriteSignInAsync(context, antiforgery, target,
                string.IsNullOrWhiteSpace(key) ? "Paste your API key." : "That key is not one this gateway knows. Check it and paste it again.");
            return;
        }
        await context.SignInAsync(SessionDefaults.AuthenticationScheme, SessionCookies.PrincipalOf(found),
            new AuthenticationProperties { IsPersistent = true });
        LogSignedIn(logger, found.Name, address);
        context.Response.Redirect(target);
    }

    private static async Task ShowSignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        var result = await context.AuthenticateAsync(SessionDefaults.AuthenticationScheme);
        var tokens = antiforgery.GetAndStoreTokens(context);
        var who = result.Principal?.Identity?.Name is { } name ? $"You are signed in with the key '{WebUtility.HtmlEncode(name)}'." : "You are not signed in.";
        await GatewayPages.WriteAsync(context, "Sign out", $"""
            <h1>Sign out of Ercot</h1>
            <p>{who}</p>
            <form method="post" action="{SessionDefaults.SignOutPath}">
              <input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">
              <button type="submit">Sign out</button>
            </form>
            """);
    }

    private static async Task SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(SessionDefaults.AuthenticationScheme);
        context.Response.Redirect(SessionDefaults.SignInPath);
    }

    private static Task WriteSignInAsync(HttpContext context, IAntiforgery antiforgery, string returnUrl, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var message = error is null ? "" : $"""<p role="alert" class="error" id="signin-error">{WebUtility.HtmlEncode(error)}</p>""";
        return GatewayPages.WriteAsync(context, "Sign in", $"""
            <h1>Sign in to Ercot</h1>
            {message}
            <form method="post" action="{SessionDefaults.SignInPath}">
              <input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">
              <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl)}">
              <label for="key">API key</label>
              <input type="password" id="key" name="key" autocomplete="off" autofocus required>
              <button type="submit">Sign in</button>
            </form>
            <p class="hint">The key stays in this page: the gateway keeps only its name and scopes in a session cookie.
            Scripts keep sending the X-Api-Key header.</p>
            """);
    }

    /// <summary>Only a path on this gateway: never another site ("//host", "/\host", "https://…").</summary>
    public static string LocalOrDefault(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            ? url : DefaultReturnUrl;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a sign-in from {Address}: the key pasted is not configured")]
    private static partial void LogRejected(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed in the key {KeyName} from {Address}")]
    private static partial void LogSignedIn(ILogger logger, string keyName, string address);
}

using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Ercot.Gateway.Auth;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header against the <see cref="ApiKeyStore"/>. Challenges and
/// forbids with RFC 7807 problem details that say what to do. The key itself is never logged: logs
/// and traces carry the key's name.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyStore keys,
    FailedAuthentications failures,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string FailureItem = "ercot.auth.failure";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyDefaults.HeaderName, out var values) || values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (values.Count > 1)
        {
            return Task.FromResult(Fail("More than one X-Api-Key header was sent; send exactly one."));
        }
        var key = keys.Find(values[0] ?? "");
        if (key is null)
        {
            return Task.FromResult(Fail("The X-Api-Key header holds a key this gateway does not know."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.Name), .. key.Scopes.Select(scope => new Claim(ApiKeyDefaults.ScopeClaimType, scope))],
            ApiKeyDefaults.AuthenticationScheme);
        return Task.FromResult(AuthenticateResult.Success(
            new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.AuthenticationScheme)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (failures.Record(address) is { } retryAfter)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteProblemAsync(StatusCodes.Status429TooManyRequests, "Too many failed authentications",
                $"This address has sent too many requests without a valid API key this minute; retry after {seconds} s with a valid {ApiKeyDefaults.HeaderName}.");
            return;
        }
        LogRejected(Logger, Request.Path, address, Context.Items[FailureItem] is null ? "no key" : "an unknown key");
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{ApiKeyDefaults.AuthenticationScheme} header=\"{ApiKeyDefaults.HeaderName}\"";
        var detail = Context.Items[FailureItem] as string
            ?? $"Send your API key in the {ApiKeyDefaults.HeaderName} header.";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "API key required", detail);
    }

    // The same answer as a signed-in browser's: a problem document, or a page for a caller that asks for HTML.
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => ForbiddenPages.WriteAsync(Context);

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[FailureItem] = reason;
        return AuthenticateResult.Fail(reason);
    }

    private ValueTask WriteProblemAsync(int status, string title, string detail) =>
        problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });

    // Logged only within the failed-authentication limit of the address, so a flood writes a bounded number of lines.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a request to {Path} from {Address} with {What}")]
    private static partial void LogRejected(ILogger logger, PathString path, string address, string what);
}

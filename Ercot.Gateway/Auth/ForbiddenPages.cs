using Microsoft.AspNetCore.Authorization;
using Ercot.Gateway.SignIn;
using Microsoft.AspNetCore.Mvc;

namespace Ercot.Gateway.Auth;

/// <summary>
/// What a key that lacks a route's scope gets, from the header or a session: a problem document naming the key, its
/// scopes and the scope the route needs — as a page when the caller asks for HTML.
/// </summary>
public static class ForbiddenPages
{
    public static async Task WriteAsync(HttpContext context)
    {
        var required = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(data => data.Policy).OfType<string>().ToArray() ?? [];
        var held = context.User.FindAll(ApiKeyDefaults.ScopeClaimType).Select(claim => claim.Value).ToArray();
        var name = context.User.Identity?.Name ?? "";
        var detail = $"The key '{name}' holds scope(s) [{string.Join(", ", held)}]; this route requires [{string.Join(", ", required)}]. "
            + "Ask an administrator for a key with that scope.";
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (!SessionCookies.AcceptsHtml(context.Request))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "API key lacks the required scope", Detail = detail },
            });
            return;
        }
        await GatewayPages.WriteAsync(context, "Not for this key", $"""
            <h1>Not for this key</h1>
            <p role="alert" class="error">{System.Net.WebUtility.HtmlEncode(detail)}</p>
            <p><a href="/desk/">Back to the desk</a> · <a href="{SessionDefaults.SignInPath}">Sign in with another key</a></p>
            """);
    }
}

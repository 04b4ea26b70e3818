using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Ercot.Gateway.Proxy;

/// <summary>
/// A body declared larger than the server's limit is refused before it reaches a service: 413 with the limit named.
/// The body is read and thrown away first (up to <see cref="DrainLimit"/>), because a server that answers and closes
/// while the client is still sending leaves the client with a connection reset instead of the answer.
/// </summary>
public static class OversizedBodies
{
    /// <summary>Bodies up to this size are drained so the client reads the 413; larger ones are cut off.</summary>
    public const long DrainLimit = 256L * 1024 * 1024;

    public static async Task RefuseAsync(HttpContext context, Func<Task> next)
    {
        var size = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (size is not { MaxRequestBodySize: { } limit, IsReadOnly: false } || context.Request.ContentLength is not { } length || length <= limit)
        {
            await next();
            return;
        }
        if (length <= DrainLimit)
        {
            size.MaxRequestBodySize = null;
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request body too large",
                Detail = $"The body is {length:N0} bytes; the gateway accepts at most {limit:N0} bytes ({limit} bytes) a request. Send fewer rows at a time.",
            },
        });
    }
}

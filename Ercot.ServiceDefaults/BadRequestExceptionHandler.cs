using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Ercot.ServiceDefaults;

/// <summary>
/// A request body or parameter that cannot be read (malformed JSON, a wrong JSON type, an impossible date, a body
/// over the size limit) is the client's mistake: it answers the exception's own 4xx status as a problem that names
/// the field and where it broke, never a 500. Everything else falls through to the default handler.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
        {
            return false;
        }
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "The request could not be read",
                Detail = Describe(bad),
            },
        });
    }

    private static string Describe(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException { Path: { } path } json => $"{bad.Message} At {path}: {FirstSentence(json.Message)}",
        { } inner => $"{bad.Message} {FirstSentence(inner.Message)}",
        null => bad.Message,
    };

    /// <summary>The JSON reader's own words up to its position details (which repeat the path).</summary>
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

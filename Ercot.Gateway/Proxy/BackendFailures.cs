using System.Globalization;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Ercot.Gateway.Proxy;

/// <summary>
/// What a caller gets when the backend fails them: a problem document that names the service and says whether to
/// retry, never YARP's empty 502/503/504. A service that is down or out of rotation answers 503 with Retry-After;
/// one that did not answer in its route's time, 504.
/// </summary>
public static partial class BackendFailures
{
    /// <summary>Seconds a caller should wait before retrying a service that is down: a few active probes.</summary>
    public const int RetryAfterSeconds = 2;

    /// <summary>Runs first in the proxy pipeline, so it sees the outcome of load balancing and forwarding.</summary>
    public static async Task DescribeAsync(HttpContext context, Func<Task> next)
    {
        await next();
        if (context.GetForwarderErrorFeature() is not { } failure || context.Response.HasStarted)
        {
            return;
        }
        var service = context.GetReverseProxyFeature().Route.Cluster?.ClusterId ?? "backend";
        var timedOut = failure.Error == ForwarderError.RequestTimedOut
            || context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true;
        if (failure.Error is ForwarderError.RequestCanceled && !timedOut)
        {
            return; // the caller went away; there is no one to answer
        }
        var (status, title, detail) = failure.Error switch
        {
            // The caller's body broke off or passed the gateway's size limit: their request, not the service, failed.
            ForwarderError.RequestBodyClient when failure.Exception is BadHttpRequestException bad => (bad.StatusCode,
                bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "The request body could not be read", bad.Message),
            ForwarderError.RequestBodyClient => (StatusCodes.Status400BadRequest, "The request body could not be read", "The request body broke off before its end."),
            _ when timedOut => (StatusCodes.Status504GatewayTimeout, $"The {service} service did not answer in time",
                $"The {service} service took longer than this route allows ({Timeout(context)}); try again, or ask an operator to look at it."),
            ForwarderError.NoAvailableDestinations => (StatusCodes.Status503ServiceUnavailable, $"The {service} service is unavailable",
                $"The {service} service is not answering its health probe; retry in a few seconds."),
            ForwarderError.Request or ForwarderError.RequestCreation => (StatusCodes.Status503ServiceUnavailable, $"The {service} service is unavailable",
                $"The {service} service could not be reached; retry in a few seconds."),
            _ => (StatusCodes.Status502BadGateway, $"The {service} service failed the request", $"The {service} service broke off its answer ({failure.Error})."),
        };
        LogBackendFailure(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BackendFailures)), service, failure.Error, status);
        context.Response.Clear();
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    private static string Timeout(HttpContext context) =>
        context.GetReverseProxyFeature().Route.Config.Timeout is { } timeout ? $"{timeout.TotalSeconds:0} s" : "its time limit";

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Service} service failed a request ({Error}); answered {Status}")]
    private static partial void LogBackendFailure(ILogger logger, string service, ForwarderError error, int status);
}

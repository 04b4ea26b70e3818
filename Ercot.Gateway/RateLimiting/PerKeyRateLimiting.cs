using System.Globalization;
using System.Threading.RateLimiting;
using Ercot.Gateway.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Ercot.Gateway.RateLimiting;

/// <summary>
/// One fixed one-minute window per API key, sized by the key's own limit; a rejection's Retry-After is the time
/// left in the window. Runs after authorization,
/// so only authenticated callers reach it and the partition is the key's name, never the key.
/// </summary>
public static class PerKeyRateLimiting
{
    public const string PolicyName = "per-key";

    public static IServiceCollection AddPerKeyRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PolicyName, context =>
            {
                var name = context.User.Identity?.Name ?? "";
                var keys = context.RequestServices.GetRequiredService<ApiKeyStore>();
                var time = context.RequestServices.GetRequiredService<TimeProvider>();
                return RateLimitPartition.Get(name, key => new WindowLimiter(keys.RequestsPerMinuteOf(key), TimeSpan.FromMinutes(1), time));
            });
            options.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var detail = "This API key has used up its requests for the current minute.";
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            detail += $" Retry after {seconds} s.";
        }
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Rate limit exceeded",
                Detail = detail,
            },
        });
    }
}

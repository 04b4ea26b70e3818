using System.Threading.RateLimiting;
using Ercot.Gateway.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ercot.Gateway.Auth;

/// <summary>
/// Counts the requests each client address makes without a valid key: past the limit of a minute it is answered 429
/// with the time left, so guessing keys or flooding with a wrong one is cheap to refuse. Only the failures within
/// the limit are logged, so a flood writes a bounded number of lines.
/// </summary>
public sealed class FailedAuthentications(IOptions<GatewayOptions> options, TimeProvider time) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.Get(address, _ => new WindowLimiter(options.Value.FailedAuthenticationsPerMinute, TimeSpan.FromMinutes(1), time)));

    /// <summary>Counts one failure of <paramref name="address"/>; null while within the limit, else the time until it may try again.</summary>
    public TimeSpan? Record(string address)
    {
        using var lease = _limiter.AttemptAcquire(address);
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}

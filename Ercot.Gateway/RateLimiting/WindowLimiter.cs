using System.Threading.RateLimiting;

namespace Ercot.Gateway.RateLimiting;

/// <summary>
/// A fixed window of <c>permits</c> per <c>window</c>, starting at the first request after the last window ended.
/// Unlike the framework's fixed-window limiter, whose rejections always say "retry after one whole window", a
/// rejection here carries the time actually left in the window, so <c>Retry-After</c> tells the truth.
/// </summary>
public sealed class WindowLimiter(int permits, TimeSpan window, TimeProvider time) : RateLimiter
{
    private readonly Lock _lock = new();
    private long _windowStart = long.MinValue;
    private int _used;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                // Idle once its window has ended: the partitioned limiter may then drop it.
                return _windowStart == long.MinValue || Elapsed() >= window ? Elapsed() - window : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = Elapsed() >= window ? permits : permits - _used };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            if (_windowStart == long.MinValue || Elapsed() >= window)
            {
                _windowStart = time.GetTimestamp();
                _used = 0;
            }
            if (_used + permitCount <= permits)
            {
                _used += permitCount;
                return Lease.Acquired;
            }
            return new Lease(false, window - Elapsed());
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private TimeSpan Elapsed() => _windowStart == long.MinValue ? TimeSpan.MaxValue : time.GetElapsedTime(_windowStart);

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}

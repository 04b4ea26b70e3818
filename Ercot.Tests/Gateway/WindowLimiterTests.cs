using System.Threading.RateLimiting;
using Ercot.Gateway.RateLimiting;

namespace Ercot.Tests.Gateway;

public sealed class WindowLimiterTests
{
    [Fact]
    public void ARejection_SaysTheTimeLeftInTheWindow_AndTheNextWindowStartsAfresh()
    {
        var clock = new ManualClock();
        using var limiter = new WindowLimiter(3, TimeSpan.FromMinutes(1), clock);

        var granted = Enumerable.Range(0, 3).Select(_ => limiter.AttemptAcquire().IsAcquired).ToList();
        var atOnce = RetryAfter(limiter.AttemptAcquire());
        clock.Advance(TimeSpan.FromSeconds(45));
        var later = RetryAfter(limiter.AttemptAcquire());
        clock.Advance(TimeSpan.FromSeconds(15));
        var nextWindow = limiter.AttemptAcquire();

        Assert.All(granted, Assert.True);
        Assert.Equal(TimeSpan.FromSeconds(60), atOnce);
        Assert.Equal(TimeSpan.FromSeconds(15), later);
        Assert.True(nextWindow.IsAcquired);
        Assert.Equal(2, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public void ALimiter_IsIdle_OnlyOnceItsWindowHasEnded()
    {
        var clock = new ManualClock();
        using var limiter = new WindowLimiter(3, TimeSpan.FromMinutes(1), clock);
        limiter.AttemptAcquire().Dispose();

        var during = limiter.IdleDuration;
        clock.Advance(TimeSpan.FromSeconds(70));

        Assert.Null(during);
        Assert.Equal(TimeSpan.FromSeconds(10), limiter.IdleDuration);
    }

    private static TimeSpan? RetryAfter(RateLimitLease lease)
    {
        Assert.False(lease.IsAcquired);
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null;
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = TimeSpan.TicksPerDay;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}

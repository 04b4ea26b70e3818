using Ercot.Core.Time;

namespace Ercot.Tests.Core.Time;

/// <summary>Properties that must hold for every local day from 2010 to 2035.</summary>
public sealed class ErcotTimePropertyTests
{
    private static readonly DateOnly First = new(2010, 1, 1);
    private static readonly DateOnly Last = new(2035, 12, 31);

    private static IEnumerable<DateOnly> Days()
    {
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    // US rules since 2007: spring forward on the second Sunday of March, fall back on the first Sunday of November.
    private static int ExpectedHours(DateOnly day)
    {
        static DateOnly NthSunday(int year, int month, int n)
        {
            var first = new DateOnly(year, month, 1);
            return first.AddDays(((7 - (int)first.DayOfWeek) % 7) + 7 * (n - 1));
        }
        if (day == NthSunday(day.Year, 3, 2))
        {
            return 23;
        }
        return day == NthSunday(day.Year, 11, 1) ? 25 : 24;
    }

    [Fact]
    public void EveryDay_Has23_24Or25Hours_ExactlyOnTheTransitionDays()
    {
        var wrong = Days().Where(day => ErcotTime.HoursInDay(day) != ExpectedHours(day)).ToList();

        Assert.Empty(wrong);
        Assert.Equal(26, Days().Count(day => ErcotTime.HoursInDay(day) == 23));
        Assert.Equal(26, Days().Count(day => ErcotTime.HoursInDay(day) == 25));
    }

    [Fact]
    public void HourStarts_RunContiguouslyOneHourApart_AcrossAllDays()
    {
        var previous = ErcotTime.DayStartUtc(First) - ErcotTime.Hour;
        foreach (var day in Days())
        {
            foreach (var hour in ErcotTime.HoursOf(day))
            {
                var start = hour.StartUtc;
                Assert.True(start - previous == ErcotTime.Hour, $"{hour}: starts {start:O}, previous {previous:O}");
                previous = start;
            }
        }
    }

    [Fact]
    public void EveryHour_RoundTrips_ThroughLabels_SequentialNumbering_AndIntervals()
    {
        foreach (var day in Days())
        {
            var sequence = 0;
            foreach (var hour in ErcotTime.HoursOf(day))
            {
                sequence++;
                var start = hour.StartUtc;
                Assert.Equal(hour, ErcotTime.ToErcotHour(start));
                Assert.Equal(hour, ErcotTime.ToErcotHour(start.AddMinutes(59)));
                Assert.Equal(start, ErcotTime.SequentialHourStartUtc(day, sequence));
                for (var interval = 1; interval <= 4; interval++)
                {
                    var intervalStart = ErcotTime.IntervalStartUtc(day, hour.HourEnding, interval, hour.IsRepeated);
                    Assert.Equal(start.AddMinutes(15 * (interval - 1)), intervalStart);
                    Assert.Equal(new ErcotInterval(day, hour.HourEnding, interval, hour.IsRepeated), ErcotTime.ToErcotInterval(intervalStart));
                }
                var (local, repeated) = ErcotTime.ToLocal(start.AddMinutes(5));
                Assert.Equal(start.AddMinutes(5), ErcotTime.LocalClockToUtc(local, repeated));
            }
        }
    }

    [Fact]
    public void RepeatedHours_AreExactlyTheSecondHe02_OfEachFallBackDay()
    {
        var repeated = Days().SelectMany(ErcotTime.HoursOf).Where(hour => hour.IsRepeated).ToList();

        Assert.Equal(26, repeated.Count);
        Assert.All(repeated, hour =>
        {
            Assert.Equal(2, hour.HourEnding);
            Assert.Equal(25, ErcotTime.HoursInDay(hour.DeliveryDate));
        });
    }
}

namespace Ercot.Core.Time;

/// <summary>
/// ERCOT's clock: Central Prevailing Time with hour-ending labels, converted exactly to and from UTC.
/// Every instant this returns is the UTC <em>start</em> of the hour or interval it names (SCED
/// timestamps, which are instants already, convert as they are).
/// </summary>
/// <remarks>
/// ERCOT labels are naive clock arithmetic: hour ending h starts at local clock (h − 1):00 and an
/// interval ending at t starts at t − length. On the fall-back day the local hour 01:00–02:00 happens
/// twice: the first is HE 02, the second HE 02 with the DST flag (or HE 03 in 25-hour sequential
/// numbering). On the spring-forward day the local hour 02:00–03:00 does not exist, so HE 03 is absent.
/// Anything that does not name exactly one instant throws an <see cref="ErcotTimeException"/>.
/// </remarks>
public static partial class ErcotTime
{
    public static TimeZoneInfo Central { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    public static readonly TimeSpan FifteenMinutes = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    /// <summary>Start of hour ending <paramref name="hourEnding"/> (1..24) of <paramref name="deliveryDate"/>.</summary>
    public static DateTime HourStartUtc(DateOnly deliveryDate, int hourEnding, bool isRepeated)
    {
        if (hourEnding is < 1 or > 24)
        {
            throw new ErcotTimeException(
                $"Hour ending {hourEnding} on {deliveryDate:yyyy-MM-dd} is out of range: hours end at 1..24 (HE 25 exists only in sequential numbering of a fall-back day).");
        }
        var localStart = deliveryDate.ToDateTime(TimeOnly.MinValue).AddHours(hourEnding - 1);
        return LocalToUtc(localStart, isRepeated, $"HE {hourEnding:00}{(isRepeated ? " (DST flag)" : "")} on {deliveryDate:yyyy-MM-dd}");
    }

    /// <summary>
    /// Start of hour <paramref name="hourOfDay"/> in sequential numbering, where the hours of a day run
    /// 1..23, 1..24 or 1..25 with no flag (the "HE 25" convention of some ERCOT files).
    /// </summary>
    public static DateTime SequentialHourStartUtc(DateOnly deliveryDate, int hourOfDay)
    {
        var hours = HoursInDay(deliveryDate);
        if (hourOfDay < 1 || hourOfDay > hours)
        {
            throw new ErcotTimeException($"Hour {hourOfDay} on {deliveryDate:yyyy-MM-dd} does not exist: that day has {hours} hours.");
        }
        return DayStartUtc(deliveryDate).AddHours(hourOfDay - 1);
    }

    /// <summary>Start of 15-minute interval <paramref name="interval"/> (1..4) of delivery hour <paramref name="deliveryHour"/>.</summary>
    public static DateTime IntervalStartUtc(DateOnly deliveryDate, int deliveryHour, int interval, bool isRepeated)
    {
        if (interval is < 1 or > 4)
        {
            throw new ErcotTimeException($"Delivery interval {interval} of HE {deliveryHour:00} on {deliveryDate:yyyy-MM-dd} is out of range: intervals run 1..4.");
        }
        return HourStartUtc(deliveryDate, deliveryHour, isRepeated) + (interval - 1) * FifteenMinutes;
    }

    /// <summary>
    /// A local clock reading (a SCED timestamp, a posting time) as a UTC instant;
    /// <paramref name="isRepeated"/> picks the second pass through the fall-back hour.
    /// </summary>
    public static DateTime LocalClockToUtc(DateTime localClock, bool isRepeated) =>
        LocalToUtc(localClock, isRepeated, $"local time {localClock:yyyy-MM-dd HH:mm:ss}{(isRepeated ? " (repeated hour)" : "")}");

    /// <summary>Start of the interval of <paramref name="length"/> whose ERCOT label is "interval ending <paramref name="localEnding"/>".</summary>
    public static DateTime IntervalEndingStartUtc(DateTime localEnding, TimeSpan length, bool isRepeated) =>
        LocalToUtc(localEnding - length, isRepeated,
            $"interval ending {localEnding:yyyy-MM-dd HH:mm}{(isRepeated ? " (DST flag)" : "")}");

    /// <summary>The hour that contains <paramref name="utc"/>, in ERCOT's labels.</summary>
    public static ErcotHour ToErcotHour(DateTime utc)
    {
        var (local, repeated) = ToLocal(utc);
        return new ErcotHour(DateOnly.FromDateTime(local), local.Hour + 1, repeated);
    }

    /// <summary>The 15-minute settlement interval that contains <paramref name="utc"/>.</summary>
    public static ErcotInterval ToErcotInterval(DateTime utc)
    {
        var (local, repeated) = ToLocal(utc);
        return new ErcotInterval(DateOnly.FromDateTime(local), local.Hour + 1, local.Minute / 15 + 1, repeated);
    }

    /// <summary>The local clock reading of <paramref name="utc"/> and whether it falls in the repeated hour.</summary>
    public static (DateTime Local, bool IsRepeated) ToLocal(DateTime utc)
    {
        var instant = AsUtc(utc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(instant, Central);
        var repeated = Central.IsAmbiguousTime(local) && !Central.IsDaylightSavingTime(instant);
        return (local, repeated);
    }

    /// <summary>UTC instant of local midnight starting <paramref name="date"/>.</summary>
    public static DateTime DayStartUtc(DateOnly date) => LocalToUtc(date.ToDateTime(TimeOnly.MinValue), false, $"midnight of {date:yyyy-MM-dd}");

    /// <summary>23 on the spring-forward day, 25 on the fall-back day, else 24.</summary>
    public static int HoursInDay(DateOnly date) => (int)(DayStartUtc(date.AddDays(1)) - DayStartUtc(date)).TotalHours;

    /// <summary>The delivery hours of <paramref name="date"/> in time order, the repeated hour included.</summary>
    public static IEnumerable<ErcotHour> HoursOf(DateOnly date)
    {
        var start = DayStartUtc(date);
        var count = HoursInDay(date);
        for (var i = 0; i < count; i++)
        {
            yield return ToErcotHour(start.AddHours(i));
        }
    }

    /// <summary>The day-ahead market's gate closure for operating day <paramref name="operatingDay"/>: 10:00 Central on the day before.</summary>
    public static DateTime GateClosureUtc(DateOnly operatingDay) =>
        LocalClockToUtc(operatingDay.AddDays(-1).ToDateTime(new TimeOnly(10, 0)), isRepeated: false);

    private static DateTime LocalToUtc(DateTime local, bool isRepeated, string what)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (Central.IsInvalidTime(local))
        {
            throw new ErcotTimeException(
                $"{what} does not exist: clocks jump from 02:00 to 03:00 on {local:yyyy-MM-dd} (spring forward).");
        }
        if (Central.IsAmbiguousTime(local))
        {
            var offsets = Central.GetAmbiguousTimeOffsets(local);
            // The first pass is daylight time (the larger offset); the repeated pass is standard time.
            offset = isRepeated ? offsets.Min() : offsets.Max();
        }
        else if (isRepeated)
        {
            throw new ErcotTimeException(
                $"{what} is flagged as the repeated hour, but {local:yyyy-MM-dd HH:mm} occurs only once; only 01:00–02:00 on the fall-back day repeats.");
        }
        else
        {
            offset = Central.GetUtcOffset(local);
        }
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => throw new ArgumentException($"Expected a UTC instant, got local time {value:O}.", nameof(value)),
    };
}

namespace Ercot.Core.Time;

/// <summary>
/// ERCOT's holidays (the days the market runs a holiday schedule): New Year's Day, Memorial Day,
/// Independence Day, Labor Day, Thanksgiving and the day after, Christmas Eve and Christmas Day.
/// A fixed-date holiday on a Saturday is observed the Friday before, on a Sunday the Monday after.
/// </summary>
public static class ErcotHolidays
{
    public static bool IsHoliday(DateOnly date) => Of(date.Year).Contains(date) || Of(date.Year + 1).Contains(date);

    public static IReadOnlySet<DateOnly> Of(int year)
    {
        var thanksgiving = Nth(year, 11, DayOfWeek.Thursday, 4);
        return new HashSet<DateOnly>
        {
            Observed(new DateOnly(year, 1, 1)),
            Last(year, 5, DayOfWeek.Monday),
            Observed(new DateOnly(year, 7, 4)),
            Nth(year, 9, DayOfWeek.Monday, 1),
            thanksgiving,
            thanksgiving.AddDays(1),
            Observed(new DateOnly(year, 12, 24)),
            Observed(new DateOnly(year, 12, 25)),
        };
    }

    private static DateOnly Observed(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly Nth(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)day - (int)first.DayOfWeek + 7) % 7 + 7 * (n - 1));
    }

    private static DateOnly Last(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)day + 7) % 7));
    }
}

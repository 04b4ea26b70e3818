using Ercot.Core.Time;

namespace Ercot.Desk.Data;

/// <summary>The day-ahead market's gate: 10:00 Central on the day before each operating day.</summary>
public static class Gates
{
    /// <summary>
    /// The gate a trader looking at <paramref name="day"/> races: that day's own while it is open, else the next one
    /// still open (the day after tomorrow's, once today's 10:00 has passed).
    /// </summary>
    public static (DateOnly Day, DateTime Utc) Next(DateOnly day, DateTime nowUtc)
    {
        var candidate = day;
        if (ErcotTime.GateClosureUtc(candidate) <= nowUtc)
        {
            candidate = DateOnly.FromDateTime(CentralTime.ToCentral(nowUtc)).AddDays(1);
            while (ErcotTime.GateClosureUtc(candidate) <= nowUtc)
            {
                candidate = candidate.AddDays(1);
            }
        }
        return (candidate, ErcotTime.GateClosureUtc(candidate));
    }

    public static string Left(TimeSpan left) => left <= TimeSpan.Zero ? "closed" : $"{(int)left.TotalHours} h {left.Minutes:00} min left";
}

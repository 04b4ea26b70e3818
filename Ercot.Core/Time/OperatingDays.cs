namespace Ercot.Core.Time;

/// <summary>
/// The operating days an API accepts: none before <see cref="Earliest"/> (ERCOT's data this platform reads starts
/// later) and none past the day after tomorrow (nothing is known about it yet). Checked where a request enters, so a
/// year 9999 is refused in a message naming the field, not found deep inside a build or a run.
/// </summary>
public static class OperatingDays
{
    public static readonly DateOnly Earliest = new(2010, 1, 1);

    /// <summary>Days past today an operating day may be: tomorrow's day-ahead market and the day after.</summary>
    public const int DaysAhead = 2;

    /// <summary>What is wrong with <paramref name="day"/> given as <paramref name="field"/>, or null.</summary>
    public static string? Problem(string field, DateOnly day, DateOnly today) =>
        day < Earliest ? $"'{field}' ({day:yyyy-MM-dd}) is before {Earliest:yyyy-MM-dd}; ERCOT's nodal market data starts later."
        : day > today.AddDays(DaysAhead) ? $"'{field}' ({day:yyyy-MM-dd}) is more than a day past tomorrow ({today.AddDays(1):yyyy-MM-dd}); nothing is known about it yet."
        : null;
}

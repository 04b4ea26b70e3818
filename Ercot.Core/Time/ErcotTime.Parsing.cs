using System.Globalization;

namespace Ercot.Core.Time;

/// <summary>The textual forms ERCOT's files use for dates, hour endings, flags and clock readings.</summary>
public static partial class ErcotTime
{
    private static readonly string[] DateFormats = ["MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd"];
    private static readonly string[] ClockFormats =
    [
        "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm",
        "MM/dd/yyyy HH:mm:ss", "MM/dd/yyyy HH:mm", "M/d/yyyy H:mm:ss", "M/d/yyyy H:mm",
    ];

    /// <summary>Parses <c>MM/dd/yyyy</c> (MIS files) or <c>yyyy-MM-dd</c> (public API).</summary>
    public static DateOnly ParseDate(string text)
    {
        var trimmed = text.Trim();
        return DateOnly.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ErcotTimeException($"'{text}' is not a date: expected MM/dd/yyyy or yyyy-MM-dd.");
    }

    /// <summary>Parses an hour ending written <c>01:00</c>..<c>24:00</c> (also <c>01:00:00</c>) or <c>1</c>..<c>25</c>; the range is checked where it is used.</summary>
    public static int ParseHourEnding(string text)
    {
        var trimmed = text.AsSpan().Trim();
        // Spreadsheet exports sometimes add seconds: 01:00:00.
        if (trimmed.Length is 7 or 8 && trimmed[^3] == ':' && trimmed[^6] == ':' && trimmed[^2..] is "00")
        {
            trimmed = trimmed[..^3];
        }
        if (trimmed.Length is 4 or 5 && trimmed[^3] == ':')
        {
            if (trimmed[^2..] is not "00")
            {
                throw new ErcotTimeException($"'{text}' is not an hour ending: hour endings fall on the hour (HH:00).");
            }
            trimmed = trimmed[..^3];
        }
        return int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour is >= 1 and <= 25
            ? hour
            : throw new ErcotTimeException($"'{text}' is not an hour ending: expected 01:00..24:00 or 1..24.");
    }

    /// <summary>Parses a DST / repeated-hour flag: <c>Y</c>/<c>N</c>, <c>True</c>/<c>False</c>; empty means not repeated.</summary>
    public static bool ParseDstFlag(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        null or "" or "N" or "FALSE" or "0" => false,
        "Y" or "TRUE" or "1" => true,
        _ => throw new ErcotTimeException($"'{text}' is not a DST flag: expected Y/N or True/False."),
    };

    /// <summary>Parses a local clock reading such as a SCED timestamp (<c>2024-11-03T01:05:16</c>, <c>11/03/2024 01:05:16</c>).</summary>
    public static DateTime ParseLocalClock(string text) =>
        DateTime.TryParseExact(text.Trim(), ClockFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock)
            ? clock
            : throw new ErcotTimeException($"'{text}' is not a local timestamp: expected yyyy-MM-ddTHH:mm:ss or MM/dd/yyyy HH:mm[:ss].");

    /// <summary>
    /// Parses the single-string hour form <c>MM/dd/yyyy HH:00</c> (up to <c>24:00</c>) of the native-load
    /// files, where the repeated hour carries a <c> DST</c> suffix: <c>11/03/2024 02:00 DST</c>.
    /// </summary>
    public static ErcotHour ParseHourEndingStamp(string text)
    {
        var trimmed = text.Trim();
        var repeated = trimmed.EndsWith(" DST", StringComparison.OrdinalIgnoreCase);
        if (repeated)
        {
            trimmed = trimmed[..^4].TrimEnd();
        }
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            throw new ErcotTimeException($"'{text}' is not an hour-ending timestamp: expected MM/dd/yyyy HH:00 [DST].");
        }
        var date = ParseDate(trimmed[..space]);
        var hour = ParseHourEnding(trimmed[(space + 1)..]);
        var result = new ErcotHour(date, hour, repeated);
        _ = result.StartUtc; // validates the hour on its day, naming the value if it does not exist
        return result;
    }
}

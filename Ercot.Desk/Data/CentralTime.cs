using Ercot.Core.Time;

namespace Ercot.Desk.Data;

/// <summary>ERCOT's clock for the pages: every time a trader reads is Central, labelled as such.</summary>
public static class CentralTime
{
    public static DateTime ToCentral(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ErcotTime.Central);

    public static string Format(DateTime utc) => $"{ToCentral(utc):yyyy-MM-dd HH:mm} CT";

    public static string Format(DateTimeOffset? at) => at is { } value ? Format(value.UtcDateTime) : "—";

    /// <summary>The next operating day: tomorrow on ERCOT's calendar.</summary>
    public static DateOnly Tomorrow(TimeProvider time) => DateOnly.FromDateTime(ToCentral(time.GetUtcNow().UtcDateTime)).AddDays(1);

    public static string Duration(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } start && to is { } end ? (end - start) switch
        {
            { TotalHours: >= 1 } span => $"{(int)span.TotalHours} h {span.Minutes:00} min",
            { TotalMinutes: >= 1 } span => $"{(int)span.TotalMinutes} min {span.Seconds:00} s",
            var span => $"{span.TotalSeconds:F1} s",
        } : "—";

    /// <summary>An hour's ERCOT label: "HE 07", with the repeated hour of the fall-back day marked.</summary>
    public static string HourLabel(int hourEnding, bool repeated) => repeated ? $"HE {hourEnding:00}*" : $"HE {hourEnding:00}";
}

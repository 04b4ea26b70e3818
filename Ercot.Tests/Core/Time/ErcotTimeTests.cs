using Ercot.Core.Time;

namespace Ercot.Tests.Core.Time;

public sealed class ErcotTimeTests
{
    private static DateTime Utc(string iso) => DateTime.SpecifyKind(DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    [Theory]
    [InlineData("2024-07-01", 1, false, "2024-07-01T05:00:00")]   // CDT: UTC−5
    [InlineData("2024-01-15", 24, false, "2024-01-16T05:00:00")]  // HE 24 starts 23:00 CST
    [InlineData("2024-03-10", 2, false, "2024-03-10T07:00:00")]   // last CST hour before the jump
    [InlineData("2024-03-10", 4, false, "2024-03-10T08:00:00")]   // first hour after it
    [InlineData("2024-11-03", 2, false, "2024-11-03T06:00:00")]   // 01:00 CDT
    [InlineData("2024-11-03", 2, true, "2024-11-03T07:00:00")]    // 01:00 CST, the repeated hour
    [InlineData("2024-11-03", 3, false, "2024-11-03T08:00:00")]
    public void HourStart_IsTheExactUtcInstant(string date, int hourEnding, bool repeated, string expected)
    {
        Assert.Equal(Utc(expected), ErcotTime.HourStartUtc(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), hourEnding, repeated));
    }

    [Fact]
    public void SequentialNumbering_PutsHe25AtTheEndOfTheFallBackDay()
    {
        var day = new DateOnly(2024, 11, 3);

        Assert.Equal(ErcotTime.HourStartUtc(day, 2, true), ErcotTime.SequentialHourStartUtc(day, 3));
        Assert.Equal(ErcotTime.HourStartUtc(day, 24, false), ErcotTime.SequentialHourStartUtc(day, 25));
    }

    [Theory]
    [InlineData("01:00", 1)]
    [InlineData("24:00", 24)]
    [InlineData(" 7", 7)]
    [InlineData("25", 25)]
    public void HourEnding_ParsesBothWrittenForms(string text, int expected) => Assert.Equal(expected, ErcotTime.ParseHourEnding(text));

    [Theory]
    [InlineData("Y", true)]
    [InlineData("True", true)]
    [InlineData("N", false)]
    [InlineData("False", false)]
    [InlineData("", false)]
    public void DstFlag_ParsesEveryForm(string text, bool expected) => Assert.Equal(expected, ErcotTime.ParseDstFlag(text));

    [Fact]
    public void HourEndingStamp_WithDstSuffix_IsTheRepeatedHour()
    {
        var hour = ErcotTime.ParseHourEndingStamp("11/03/2024 02:00 DST");

        Assert.Equal(new ErcotHour(new DateOnly(2024, 11, 3), 2, true), hour);
        Assert.Equal(Utc("2024-11-03T07:00:00"), hour.StartUtc);
        Assert.Equal(Utc("2025-01-01T05:00:00"), ErcotTime.ParseHourEndingStamp("12/31/2024 24:00").StartUtc);
    }

    [Fact]
    public void ScedTimestamp_InTheRepeatedHour_UsesStandardTime()
    {
        var clock = ErcotTime.ParseLocalClock("2024-11-03T01:05:16");

        Assert.Equal(Utc("2024-11-03T06:05:16"), ErcotTime.LocalClockToUtc(clock, isRepeated: false));
        Assert.Equal(Utc("2024-11-03T07:05:16"), ErcotTime.LocalClockToUtc(clock, isRepeated: true));
    }

    [Fact]
    public void FiveMinuteIntervalEnding_ConvertsToItsStart()
    {
        var ending = ErcotTime.ParseLocalClock("11/03/2024 02:00");

        Assert.Equal(Utc("2024-11-03T06:55:00"), ErcotTime.IntervalEndingStartUtc(ending, ErcotTime.FiveMinutes, isRepeated: false));
        Assert.Equal(Utc("2024-11-03T07:55:00"), ErcotTime.IntervalEndingStartUtc(ending, ErcotTime.FiveMinutes, isRepeated: true));
    }

    [Fact]
    public void GateClosure_Is10CentralOnTheDayBefore()
    {
        Assert.Equal(Utc("2024-07-01T15:00:00"), ErcotTime.GateClosureUtc(new DateOnly(2024, 7, 2)));
        Assert.Equal(Utc("2024-01-01T16:00:00"), ErcotTime.GateClosureUtc(new DateOnly(2024, 1, 2)));
    }

    public static TheoryData<string, Action> InvalidInputs => new()
    {
        { "HE 03", () => ErcotTime.HourStartUtc(new DateOnly(2024, 3, 10), 3, false) },
        { "26", () => ErcotTime.ParseHourEnding("26") },
        { "HE 25", () => ErcotTime.HourStartUtc(new DateOnly(2024, 11, 3), 25, false) },
        { "Hour 25 on 2024-07-01", () => ErcotTime.SequentialHourStartUtc(new DateOnly(2024, 7, 1), 25) },
        { "HE 05 (DST flag) on 2024-07-01", () => ErcotTime.HourStartUtc(new DateOnly(2024, 7, 1), 5, true) },
        { "HE 02 (DST flag) on 2024-07-01", () => ErcotTime.ParseHourEndingStamp("07/01/2024 02:00 DST") },
        { "'2024-13-01'", () => ErcotTime.ParseDate("2024-13-01") },
        { "'01:30'", () => ErcotTime.ParseHourEnding("01:30") },
        { "'Maybe'", () => ErcotTime.ParseDstFlag("Maybe") },
        { "'2024-11-03 25:00'", () => ErcotTime.ParseLocalClock("2024-11-03 25:00") },
        { "interval 5", () => ErcotTime.IntervalStartUtc(new DateOnly(2024, 7, 1), 5, 5, false) },
        { "local time 2024-03-10 02:30:00", () => ErcotTime.LocalClockToUtc(new DateTime(2024, 3, 10, 2, 30, 0), false) },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void InvalidInput_Throws_NamingTheValue(string named, Action convert)
    {
        var error = Assert.Throws<ErcotTimeException>(convert);

        Assert.Contains(named, error.Message, StringComparison.OrdinalIgnoreCase);
    }
}

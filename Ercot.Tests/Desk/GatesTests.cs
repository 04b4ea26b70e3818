using Ercot.Desk.Data;

namespace Ercot.Tests.Desk;

public sealed class GatesTests
{
    [Theory]
    // 09:59 CDT on 27 June: the 28th's gate is still open, a minute left.
    [InlineData("2024-06-28", "2024-06-27T14:59:00Z", "2024-06-28", "2024-06-27T15:00:00Z")]
    // 10:00 CDT has passed: the page still shows the 28th, but the gate to race is the 29th's, tomorrow at 10:00.
    [InlineData("2024-06-28", "2024-06-27T15:00:00Z", "2024-06-29", "2024-06-28T15:00:00Z")]
    // A day long past, looked at late in the evening of 1 December (CST): the next gate is for 3 December.
    [InlineData("2024-06-28", "2026-12-02T05:36:00Z", "2026-12-03", "2026-12-02T16:00:00Z")]
    // Across the spring-forward night the gate is still 10:00 local: 10 March 2024 is CDT.
    [InlineData("2024-03-11", "2024-03-09T12:00:00Z", "2024-03-11", "2024-03-10T15:00:00Z")]
    public void TheGateToRace_IsTheDaysOwnWhileOpen_ElseTheNextStillOpen(string day, string now, string expectedDay, string expectedUtc)
    {
        var (gateDay, utc) = Gates.Next(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal));

        Assert.Equal(DateOnly.Parse(expectedDay, System.Globalization.CultureInfo.InvariantCulture), gateDay);
        Assert.Equal(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), utc);
    }

    [Fact]
    public void TheSuggestedBid_IsIncAboveTheta_DecBelowMinusTheta_NothingBetween()
    {
        var rule = new TradingRule("b", Theta: 2, Cost: 0.5, ChosenOnFoldTrainedTo: new(2025, 1, 30));

        Assert.Equal("INC", rule.Suggest(2.01));
        Assert.Equal("DEC", rule.Suggest(-2.01));
        Assert.Null(rule.Suggest(2));
        Assert.Null(rule.Suggest(-1.5));
    }
}

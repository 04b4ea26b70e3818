namespace Ercot.Core.Time;

/// <summary>
/// An ERCOT delivery hour as market participants write it: delivery date, hour ending 1..24, and
/// whether it is the repeated hour of the fall-back day (<c>DSTFlag = Y</c>).
/// </summary>
public readonly record struct ErcotHour(DateOnly DeliveryDate, int HourEnding, bool IsRepeated)
{
    /// <summary>The UTC instant at which the hour starts.</summary>
    public DateTime StartUtc => ErcotTime.HourStartUtc(DeliveryDate, HourEnding, IsRepeated);

    public override string ToString() => $"{DeliveryDate:yyyy-MM-dd} HE{HourEnding:00}{(IsRepeated ? " DST" : "")}";
}

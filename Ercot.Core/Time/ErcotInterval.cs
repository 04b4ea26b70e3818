namespace Ercot.Core.Time;

/// <summary>A 15-minute real-time settlement interval: delivery date, delivery hour 1..24, interval 1..4, repeated-hour flag.</summary>
public readonly record struct ErcotInterval(DateOnly DeliveryDate, int DeliveryHour, int DeliveryInterval, bool IsRepeated)
{
    public DateTime StartUtc => ErcotTime.IntervalStartUtc(DeliveryDate, DeliveryHour, DeliveryInterval, IsRepeated);

    public ErcotHour Hour => new(DeliveryDate, DeliveryHour, IsRepeated);
}

namespace Ercot.Core.Simulation;

/// <summary>Independent streams of <see cref="Noise"/> draws, one per modelled quantity.</summary>
public enum Draw
{
    Temperature = 1,
    LoadNoise,
    ZoneShare,
    Wind,
    WindRegion,
    Cloud,
    ForecastRegime,
    ForecastPosting,
    ForecastHour,
    Fuel,
    DamNoise,
    RealTimeNoise,
    Scarcity,
    ScarcitySize,
    ScarcityLength,
    ScedJitter,
    Constraint,
    PointNoise,
    Ancillary,
    Solar5Minute,
}

namespace Ercot.Core.Simulation;

/// <summary>What real time carries from one SCED run to the next: price noise and any scarcity or oversupply episode under way.</summary>
internal sealed class RealTimeState
{
    public double PriceNoise { get; set; }

    /// <summary>Runs left in the current scarcity episode, its peak adder and its length.</summary>
    public int ScarcityRunsLeft { get; set; }

    public double ScarcityPeak { get; set; }

    public int ScarcityLength { get; set; }

    public int OversupplyRunsLeft { get; set; }

    public double OversupplyDepth { get; set; }
}

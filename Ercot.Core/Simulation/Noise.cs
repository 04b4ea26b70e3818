namespace Ercot.Core.Simulation;

/// <summary>
/// Counter-based randomness: every draw is a pure function of (seed, stream, a, b), so a simulation
/// is identical for a seed whatever order it is computed in, on any runtime. SplitMix64 mixing.
/// </summary>
public readonly struct Noise(ulong seed)
{
    public ulong Seed { get; } = seed;

    /// <summary>Uniform in (0, 1).</summary>
    public double Uniform(Draw stream, long a, long b = 0)
    {
        var bits = Mix(Mix(Mix(Seed ^ (ulong)stream * 0x9E3779B97F4A7C15UL) ^ (ulong)a) ^ (ulong)b * 0xD1B54A32D192ED03UL);
        return ((bits >> 11) + 0.5) * (1.0 / (1UL << 53));
    }

    /// <summary>Standard normal (Box–Muller on two independent uniforms).</summary>
    public double Normal(Draw stream, long a, long b = 0)
    {
        var u1 = Uniform(stream, a, b);
        var u2 = Uniform(stream, a, b ^ 0x5DEECE66DL);
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A Pareto draw with minimum 1 and tail index <paramref name="alpha"/> (smaller is heavier).</summary>
    public double Pareto(Draw stream, long a, double alpha, long b = 0) => Math.Pow(Uniform(stream, a, b), -1.0 / alpha);

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

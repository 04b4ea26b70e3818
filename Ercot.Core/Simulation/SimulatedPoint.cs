namespace Ercot.Core.Simulation;

/// <summary>
/// A settlement point of the simulated market: its ERCOT name and type, how each transmission
/// constraint's shadow price moves it (<see cref="Sensitivities"/>, in $ per $ of shadow price), a
/// loss/premium factor on the system price, and the size of its own noise.
/// </summary>
public sealed record SimulatedPoint(string Name, string Type, double[] Sensitivities, double PriceFactor, double NoiseScale);

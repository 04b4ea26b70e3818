namespace Ercot.Core.Time;

/// <summary>An ERCOT timestamp that does not name exactly one instant; the message quotes the value.</summary>
public sealed class ErcotTimeException(string message) : FormatException(message);

namespace Ercot.Features.Pipeline;

/// <summary>
/// Build features for operating days <see cref="From"/>..<see cref="To"/> (inclusive), for the settlement
/// points that have a target in the data (or only <see cref="Points"/>, when given).
/// </summary>
public sealed record FeatureBuildRequest(DateOnly From, DateOnly To, IReadOnlyList<string>? Points = null)
{
    public static readonly DateOnly Earliest = Ercot.Core.Time.OperatingDays.Earliest;
    public const int MaxDays = 15 * 366;

    /// <summary>What is wrong with the range, or <see langword="null"/> when it can be built.</summary>
    public string? Problem(DateOnly today) =>
        To < From ? $"'to' ({To:yyyy-MM-dd}) is before 'from' ({From:yyyy-MM-dd})."
        : From < Earliest ? $"'from' ({From:yyyy-MM-dd}) is before {Earliest:yyyy-MM-dd}; ERCOT's nodal market data starts later."
        : To > today.AddDays(2) ? $"'to' ({To:yyyy-MM-dd}) is more than a day past tomorrow; nothing is known about it yet."
        : To.DayNumber - From.DayNumber + 1 > MaxDays ? $"The range spans {To.DayNumber - From.DayNumber + 1} days; build at most {MaxDays} at a time."
        : null;

    /// <summary>The grid actually built: whole months from the first month's first day, so each month's partition is rewritten whole.</summary>
    public DateOnly GridFrom => new(From.Year, From.Month, 1);
}

using System.Globalization;
using Ercot.Core.Storage;

namespace Ercot.Core.Forecasts;

/// <summary>The track record in the artifact store: one <see cref="DayScore"/> a day, <c>forecasts/track/{yyyy-MM-dd}.json</c>.</summary>
public sealed class TrackRecordStore(IArtifactStore artifacts)
{
    public const string Root = "forecasts/track/";

    public static string PathOf(DateOnly day) => $"{Root}{day:yyyy-MM-dd}.json";

    public Task WriteAsync(DayScore score, CancellationToken cancellationToken = default) =>
        artifacts.WriteJsonAsync(PathOf(score.Day), score, ArtifactJson.Options, cancellationToken);

    public Task<DayScore?> ReadAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        artifacts.ReadJsonAsync<DayScore>(PathOf(day), ArtifactJson.Options, cancellationToken);

    /// <summary>The scored days, oldest first.</summary>
    public async Task<IReadOnlyList<DateOnly>> DaysAsync(CancellationToken cancellationToken = default)
    {
        var days = new List<DateOnly>();
        await foreach (var info in artifacts.ListAsync(Root, cancellationToken))
        {
            var name = info.Path[Root.Length..];
            if (name.EndsWith(".json", StringComparison.Ordinal)
                && DateOnly.TryParseExact(name[..^5], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                days.Add(day);
            }
        }
        days.Sort();
        return days;
    }

    /// <summary>The scored days in <paramref name="from"/>..<paramref name="to"/>, oldest first.</summary>
    public async Task<IReadOnlyList<DayScore>> RangeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var scores = new List<DayScore>();
        foreach (var day in (await DaysAsync(cancellationToken)).Where(day => day >= from && day <= to))
        {
            if (await ReadAsync(day, cancellationToken) is { } score)
            {
                scores.Add(score);
            }
        }
        return scores;
    }
}

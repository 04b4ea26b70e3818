using Ercot.Core.Forecasts;
using Ercot.Core.Storage;
using Ercot.Tests.Infrastructure;

namespace Ercot.Tests.Core.Forecasts;

public sealed class IssuedForecastStoreTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 7, 2);
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task IssuingAgain_MakesANewRevision_AndNeverOverwritesTheFirst()
    {
        var store = new IssuedForecastStore(new LocalArtifactStore(_folder.Path));

        var first = await store.WriteAsync(Manifest(late: false), [Hour(5.0)]);
        var second = await store.WriteAsync(Manifest(late: true), [Hour(-7.0)]);

        Assert.Equal(1, first.Manifest.Revision);
        Assert.Equal(2, second.Manifest.Revision);
        Assert.Equal(5.0, (await store.ReadAsync(Day, 1))!.Hours[0].Dart);
        Assert.Equal(-7.0, (await store.ReadAsync(Day))!.Hours[0].Dart);
        // The track record and the bids take the last revision issued by the gate, not the late one.
        Assert.Equal(1, DayScorer.Scored(await store.RevisionsAsync(Day))!.Revision);
    }

    [Fact]
    public async Task ARevisionCutOffBeforeItsManifest_IsNeverRead_AndItsNumberIsNotReused()
    {
        var artifacts = new LocalArtifactStore(_folder.Path);
        var store = new IssuedForecastStore(artifacts);
        await artifacts.WriteAsync(IssuedForecastStore.Folder(Day, 1) + IssuedForecastStore.ForecastFile, new MemoryStream("[]"u8.ToArray()));

        Assert.Empty(await store.DaysAsync());
        Assert.Null(await store.ReadAsync(Day));
        Assert.Equal(2, (await store.WriteAsync(Manifest(late: false), [Hour(1.0)])).Manifest.Revision);
    }

    [Fact]
    public void ScoringADayTwice_GivesTheSameRecord_WithBidsPaidByTheirRule()
    {
        var issued = new IssuedForecast(Manifest(late: false) with { Revision = 1 }, [Hour(5.0), Hour(-3.0, hourEnding: 2)]);
        var actual = new Dictionary<(string, DateTime), double> { [("HB_NORTH", Start(1))] = 8.0, [("HB_NORTH", Start(2))] = 2.0 };

        var once = DayScorer.Score(issued, actual);
        var twice = DayScorer.Score(issued, actual);

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(once, ArtifactJson.Options), System.Text.Json.JsonSerializer.Serialize(twice, ArtifactJson.Options));
        // INC at +5 earns 8 − 0.5; DEC at −3 earns −2 − 0.5.
        Assert.Equal([7.5, -2.5], once.Hours.Select(hour => hour.BidPnl));
        var summary = TrackRecordSummary.Of([once]);
        Assert.Equal(5.0, summary.Pnl[^1].Bids);
        Assert.Equal((3 + 5) / 2.0, summary.Skill[TrackRecordSummary.Ensemble].Mae);
    }

    private static DateTime Start(int hourEnding) => Ercot.Core.Time.ErcotTime.HourStartUtc(Day, hourEnding, false);

    private static IssueManifest Manifest(bool late) => new(Day, 0, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, late, "test",
        new Dictionary<string, string> { ["lightgbm"] = "v1" }, new Dictionary<string, string>(), "hash", ["HB_NORTH"], 1, 0,
        new Dictionary<string, int>(), new BidRule("bt", 1.0, 0.5), "");

    private static IssuedHour Hour(double dart, int hourEnding = 1) => new("HB_NORTH", Start(hourEnding), hourEnding, false, dart, dart - 10, dart + 10, 0.5,
        new Dictionary<string, ModelForecast> { ["lightgbm"] = new(dart, null, null) }, new Dictionary<string, ModelForecast>(), [],
        new BidRule("bt", 1.0, 0.5).Suggest(dart));

    public void Dispose() => _folder.Dispose();
}

using Ercot.Inference.Monitoring;
using Ercot.Inference.Scoring;
using Ercot.Tests.Training;

namespace Ercot.Tests.Inference;

public sealed class DriftMonitorTests(ScoreRequestReaderTests.TrainedModels trained) : IClassFixture<ScoreRequestReaderTests.TrainedModels>
{
    private static List<ScoreRow> Rows(int seed, float shiftOfX0)
    {
        var data = SyntheticDart.Create(2_000, seed, new(2024, 5, 1));
        return [.. Enumerable.Range(0, data.Count).Select(i =>
        {
            var features = data.Row(i).ToArray();
            features[0] += shiftOfX0;
            return new ScoreRow(data.Points[i], data.HoursUtc[i], features);
        })];
    }

    [Fact]
    public void RowsLikeTheTrainingRows_RaiseNoFlag()
    {
        var monitor = new DriftMonitor();
        monitor.Record(Rows(seed: 11, shiftOfX0: 0));

        var report = monitor.Report(trained.Models)!;

        Assert.Equal(2_000, report.Rows);
        Assert.Empty(report.Drifted);
        Assert.All(report.Features, feature => Assert.True(feature.Psi < 0.1, $"{feature.Name}: PSI {feature.Psi}"));
    }

    [Fact]
    public void AShiftedFeature_IsFlagged_AndOnlyThatOne()
    {
        var monitor = new DriftMonitor();
        monitor.Record(Rows(seed: 12, shiftOfX0: 0.8f));

        var report = monitor.Report(trained.Models)!;

        Assert.Equal(["x0"], report.Drifted);
        Assert.Equal("x0", report.Features[0].Name);
        Assert.True(report.Features[0].Psi > DriftMonitor.Threshold);
    }

    [Fact]
    public void TheWindow_KeepsOnlyTheMostRecentRows()
    {
        var monitor = new DriftMonitor();
        monitor.Record(Rows(seed: 13, shiftOfX0: 0.8f));
        monitor.Record(Rows(seed: 14, shiftOfX0: 0));
        monitor.Record(Rows(seed: 15, shiftOfX0: 0));
        monitor.Record(Rows(seed: 16, shiftOfX0: 0));

        var report = monitor.Report(trained.Models)!;

        Assert.Equal(DriftMonitor.Window, report.Rows);
        Assert.Empty(report.Drifted);
    }

    [Fact]
    public void AFewShiftedRows_AreAnInsufficientSample_NotDrift()
    {
        var monitor = new DriftMonitor();
        monitor.Record(Rows(seed: 17, shiftOfX0: 0.8f).Take(DriftMonitor.MinimumRows - 1));

        var few = monitor.Report(trained.Models)!;
        monitor.Record(Rows(seed: 18, shiftOfX0: 0.8f).Take(1));
        var enough = monitor.Report(trained.Models)!;

        Assert.False(few.Sufficient);
        Assert.Empty(few.Drifted);
        Assert.StartsWith($"insufficient sample: {DriftMonitor.MinimumRows - 1} of the {DriftMonitor.MinimumRows}", few.Status, StringComparison.Ordinal);
        Assert.True(enough.Sufficient);
        Assert.Equal(["x0"], enough.Drifted);
    }
}

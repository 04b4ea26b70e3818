using Ercot.Models;

namespace Ercot.Tests.Training;

/// <summary>What every DART model must do, run against each implementation.</summary>
public abstract class DartModelContract
{
    protected abstract IDartModel Create();

    protected abstract IDartModel Load(Stream file, int featureCount);

    /// <summary>Why this model cannot run here (a missing native library), or <see langword="null"/>.</summary>
    protected virtual string? SkipReason => null;

    [SkippableFact]
    public void Model_LearnsAKnownSignal_AndBeatsZeroOnHeldOutRows()
    {
        Skip.If(SkipReason is not null, SkipReason);
        using var model = Create();
        model.Train(SyntheticDart.Create(3_000, 1, new(2024, 1, 1)), SyntheticDart.Create(600, 2, new(2024, 4, 1)), threads: 2, CancellationToken.None);
        var test = SyntheticDart.Create(600, 3, new(2024, 5, 1));

        var predicted = model.Predict(test);

        var mae = test.Target.Zip(predicted, (y, p) => Math.Abs(y - p)).Average();
        var zero = test.Target.Average(y => Math.Abs(y));
        Assert.True(mae < 0.3 * zero, $"{model.Name}: MAE {mae:F3} against the zero forecast's {zero:F3}");
    }

    [SkippableFact]
    public void SavedAndLoaded_PredictsTheSame_AndSingleRowsAgreeWithBatches()
    {
        Skip.If(SkipReason is not null, SkipReason);
        using var model = Create();
        model.Train(SyntheticDart.Create(1_500, 4, new(2024, 1, 1)), SyntheticDart.Create(300, 5, new(2024, 3, 1)), threads: 2, CancellationToken.None);
        var test = SyntheticDart.Create(200, 6, new(2024, 4, 1));
        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;

        using var loaded = Load(file, test.FeatureCount);

        var batch = model.Predict(test);
        Assert.Equal(batch, loaded.Predict(test));
        for (var i = 0; i < test.Count; i += 13)
        {
            Assert.Equal(batch[i], loaded.Predict(test.Points[i], test.Row(i)), 4);
        }
    }
}

public sealed class LightGbmDartModelTests : DartModelContract
{
    private static readonly LightGbmOptions Options = new(Rounds: 300, MinimumRowsPerLeaf: 20);

    protected override IDartModel Create() => new LightGbmDartModel(Options);

    protected override IDartModel Load(Stream file, int featureCount) => LightGbmDartModel.Load(file, featureCount, Options);
}

public sealed class XGBoostDartModelTests : DartModelContract
{
    private static readonly Ercot.Models.XGBoost.XGBoostOptions Options = new(Rounds: 300, MaxDepth: 4, MinChildWeight: 1);

    protected override IDartModel Create() => new Ercot.Models.XGBoost.XGBoostDartModel(Options);

    protected override IDartModel Load(Stream file, int featureCount) => Ercot.Models.XGBoost.XGBoostDartModel.Load(file, Options);

    protected override string? SkipReason => System.Runtime.InteropServices.NativeLibrary.TryLoad("libxgboost.so.0", out var handle)
        ? Free(handle)
        : "libxgboost.so.0 is not installed; ./test.sh installs Debian's libxgboost0.";

    private static string? Free(IntPtr handle)
    {
        System.Runtime.InteropServices.NativeLibrary.Free(handle);
        return null;
    }
}

public sealed class DeepDartModelTests : DartModelContract
{
    private static readonly Ercot.Models.Deep.DeepOptions Options = new(Hidden: 64, MaxEpochs: 40, Patience: 6, BatchSize: 256, LearningRate: 3e-3);

    protected override IDartModel Create() => new Ercot.Models.Deep.DeepDartModel(Options);

    protected override IDartModel Load(Stream file, int featureCount) => Ercot.Models.Deep.DeepDartModel.Load(file, Options);
}

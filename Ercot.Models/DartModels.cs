using Ercot.Models.Deep;
using Ercot.Models.Forecasting;
using Ercot.Models.XGBoost;

namespace Ercot.Models;

/// <summary>
/// The models a run can train, by registry name: each family (LightGBM, XGBoost, the network) inside a
/// <see cref="DartForecaster"/>, which gives them the point, a robust target, early stopping on a long
/// validation block and a refit.
/// </summary>
public static class DartModels
{
    public static readonly IReadOnlyList<string> Names = [LightGbmDartModel.ModelName, XGBoostDartModel.ModelName, DeepDartModel.ModelName];

    /// <summary>Cores shared out among the models trained side by side, the remainder to the first ones; at least one each.</summary>
    public static int[] Threads(int cores, int models) =>
        [.. Enumerable.Range(0, models).Select(i => Math.Max(1, cores / models + (i < cores % models ? 1 : 0)))];

    public static DartForecaster Create(string name, ForecasterOptions? options = null)
    {
        Check(name);
        return new DartForecaster(name, options ?? ForecasterOptions.Default, iterations => CreateFamily(name, iterations));
    }

    public static IDartModel Load(string name, Stream file, int featureCount)
    {
        Check(name);
        return DartForecaster.Load(name, file, ForecasterOptions.Default, iterations => CreateFamily(name, iterations), (stream, count) => LoadFamily(name, stream, count));
    }

    /// <summary>The bare family; with <paramref name="iterations"/>, one that trains exactly that many trees or epochs.</summary>
    public static IDartModel CreateFamily(string name, int? iterations = null) => name switch
    {
        LightGbmDartModel.ModelName => new LightGbmDartModel(iterations is { } rounds ? new LightGbmOptions() with { Rounds = rounds } : new LightGbmOptions()),
        XGBoostDartModel.ModelName => new XGBoostDartModel(iterations is { } rounds ? new XGBoostOptions() with { Rounds = rounds } : new XGBoostOptions()),
        DeepDartModel.ModelName => new DeepDartModel(iterations is { } epochs ? DeepOptions.FromEnvironment() with { MaxEpochs = epochs, FixedEpochs = true } : DeepOptions.FromEnvironment()),
        _ => throw Unknown(name),
    };

    private static IDartModel LoadFamily(string name, Stream file, int featureCount) => name switch
    {
        LightGbmDartModel.ModelName => LightGbmDartModel.Load(file, featureCount, new LightGbmOptions()),
        XGBoostDartModel.ModelName => XGBoostDartModel.Load(file, new XGBoostOptions()),
        DeepDartModel.ModelName => DeepDartModel.Load(file, DeepOptions.FromEnvironment()),
        _ => throw Unknown(name),
    };

    private static void Check(string name)
    {
        if (!Names.Contains(name))
        {
            throw Unknown(name);
        }
    }

    private static TrainingDataException Unknown(string name) => new($"Unknown model '{name}'; known models: {string.Join(", ", Names)}.");
}

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
        return new DartForecaster(name, options ?? ForecasterOptions.Default, Search(name));
    }

    public static IDartModel Load(string name, Stream file, int featureCount)
    {
        Check(name);
        return DartForecaster.Load(name, file, ForecasterOptions.Default, Search(name), (stream, count, candidate) => LoadFamily(name, stream, count, candidate));
    }

    /// <summary>
    /// Each family's hyperparameter search, tried on every training's validation block (budget: three boosters
    /// of each kind, early-stopped, then one refit; the network's epochs cost too much to multiply, so it has
    /// one configuration): the default, then a larger model with smaller leaves and a smaller one with larger.
    /// </summary>
    public static IReadOnlyList<FamilyCandidate> Search(string name) => name switch
    {
        LightGbmDartModel.ModelName => [.. LightGbmSearch.Select(options => new FamilyCandidate(Label(options),
            iterations => new LightGbmDartModel(iterations is { } rounds ? options with { Rounds = rounds } : options)))],
        XGBoostDartModel.ModelName => [.. XGBoostSearch.Select(options => new FamilyCandidate(Label(options),
            iterations => new XGBoostDartModel(iterations is { } rounds ? options with { Rounds = rounds } : options)))],
        DeepDartModel.ModelName => [new FamilyCandidate("default", iterations => new DeepDartModel(iterations is { } epochs
            ? DeepOptions.FromEnvironment() with { MaxEpochs = epochs, FixedEpochs = true }
            : DeepOptions.FromEnvironment()))],
        _ => throw Unknown(name),
    };

    private static readonly LightGbmOptions[] LightGbmSearch =
        [new(), new() { Leaves = 31, MinimumRowsPerLeaf = 300 }, new() { Leaves = 7, MinimumRowsPerLeaf = 3000 }];

    private static readonly XGBoostOptions[] XGBoostSearch =
        [new(), new() { MaxDepth = 6, MinChildWeight = 300 }, new() { MaxDepth = 2, MinChildWeight = 3000 }];

    private static string Label(LightGbmOptions options) => FormattableString.Invariant($"{options.Leaves} leaves, {options.MinimumRowsPerLeaf} rows per leaf");

    private static string Label(XGBoostOptions options) => FormattableString.Invariant($"depth {options.MaxDepth}, min child weight {options.MinChildWeight}");

    /// <summary>The family's file read back with the configuration it was chosen with (the default for a file that names none).</summary>
    private static IDartModel LoadFamily(string name, Stream file, int featureCount, string? candidate) => name switch
    {
        LightGbmDartModel.ModelName => LightGbmDartModel.Load(file, featureCount, LightGbmSearch.FirstOrDefault(options => Label(options) == candidate) ?? new LightGbmOptions()),
        XGBoostDartModel.ModelName => XGBoostDartModel.Load(file, XGBoostSearch.FirstOrDefault(options => Label(options) == candidate) ?? new XGBoostOptions()),
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

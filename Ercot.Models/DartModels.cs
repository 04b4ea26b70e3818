using Ercot.Models.Deep;
using Ercot.Models.XGBoost;

namespace Ercot.Models;

/// <summary>The models a run can train, by registry name.</summary>
public static class DartModels
{
    public static readonly IReadOnlyList<string> Names = [LightGbmDartModel.ModelName, XGBoostDartModel.ModelName, DeepDartModel.ModelName];

    public static IDartModel Create(string name) => name switch
    {
        LightGbmDartModel.ModelName => new LightGbmDartModel(new LightGbmOptions()),
        XGBoostDartModel.ModelName => new XGBoostDartModel(new XGBoostOptions()),
        DeepDartModel.ModelName => new DeepDartModel(DeepOptions.FromEnvironment()),
        _ => throw new TrainingDataException($"Unknown model '{name}'; known models: {string.Join(", ", Names)}."),
    };

    public static IDartModel Load(string name, Stream file, int featureCount) => name switch
    {
        LightGbmDartModel.ModelName => LightGbmDartModel.Load(file, featureCount, new LightGbmOptions()),
        XGBoostDartModel.ModelName => XGBoostDartModel.Load(file, new XGBoostOptions()),
        DeepDartModel.ModelName => DeepDartModel.Load(file, DeepOptions.FromEnvironment()),
        _ => throw new TrainingDataException($"Unknown model '{name}'; known models: {string.Join(", ", Names)}."),
    };
}

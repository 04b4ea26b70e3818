namespace Ercot.Models;

/// <summary>
/// A DART model: trained with a validation block (early stopping picks the trees or epochs) or, without
/// one, for a fixed number of them; then predicting a batch or a single row of its features, saved to
/// and loaded from one file.
/// </summary>
public interface IDartModel : IDisposable
{
    /// <summary>The registry name: <c>lightgbm</c>, <c>xgboost</c>, <c>deep</c>.</summary>
    string Name { get; }

    /// <summary>The model file's name in the registry.</summary>
    string FileName { get; }

    /// <summary>The parameters, for the registry's metadata.</summary>
    IReadOnlyDictionary<string, string> Describe();

    /// <summary>Library versions, for the registry's metadata.</summary>
    IReadOnlyDictionary<string, string> Libraries();

    /// <summary>Trees (boosters) or epochs (the network) the last training kept: early stopping's choice, or the fixed count.</summary>
    int Iterations { get; }

    /// <summary>Trains on <paramref name="train"/>; with <paramref name="validation"/>, stops early on it, else trains the configured iterations.</summary>
    void Train(DartDataset train, DartDataset? validation, int threads, CancellationToken cancellationToken);

    float[] Predict(DartDataset rows);

    /// <summary>One row: the settlement point (unknown points are allowed) and its features in schema order.</summary>
    float Predict(string settlementPoint, ReadOnlySpan<float> features);

    void Save(Stream destination);
}

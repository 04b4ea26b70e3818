namespace Ercot.Core.Models;

/// <summary>
/// Everything known about one trained model version, kept as <c>models/{model}/{version}/metadata.json</c>:
/// what it was trained on (feature schema hash and names, in order; data ranges), how (parameters,
/// library versions, hardware, duration), how well (validation and test metrics), and whether it
/// became the champion, and why or why not. <see cref="Reference"/> is the training rows' distribution
/// of each feature, for drift monitoring.
/// </summary>
public sealed record ModelMetadata(
    string Model,
    string Version,
    DateTimeOffset CreatedAt,
    string ModelFile,
    string FeatureSchemaHash,
    IReadOnlyList<string> Features,
    DateRange Train,
    DateRange Validation,
    DateRange Test,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, double> ValidationMetrics,
    IReadOnlyDictionary<string, double> TestMetrics,
    IReadOnlyDictionary<string, string> LibraryVersions,
    string Hardware,
    double DurationSeconds,
    ModelRole Role = ModelRole.Challenger,
    string? RoleReason = null,
    IReadOnlyDictionary<string, FeatureReference>? Reference = null);

/// <summary>Operating days <see cref="From"/>..<see cref="To"/>, inclusive.</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    public override string ToString() => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
}

public enum ModelRole
{
    Challenger,
    Champion,
    /// <summary>A challenger that no row could judge against the champion (every row was in one of their fits): served in shadow, judged on live days.</summary>
    Shadow,
}

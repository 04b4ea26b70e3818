using System.ComponentModel.DataAnnotations;

namespace Ercot.Inference;

/// <summary>How the inference API serves. Bound from the <c>Inference</c> section.</summary>
public sealed class InferenceOptions
{
    public const string SectionName = "Inference";

    /// <summary>Seconds between looks at <c>models/champion.json</c>. Default: 5.</summary>
    [Range(1, 3600)]
    public int ChampionPollSeconds { get; set; } = 5;

    /// <summary>Minutes between judgements of the shadow challengers on the live track record. Default: 60.</summary>
    [Range(1, 24 * 60)]
    public int ShadowJudgeMinutes { get; set; } = 60;

    /// <summary>Most rows one <c>/score</c> request may carry; more get 413. Default: 10,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxRows { get; set; } = 10_000;
}

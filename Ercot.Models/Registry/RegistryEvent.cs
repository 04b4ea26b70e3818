using Ercot.Core.Models;

namespace Ercot.Models.Registry;

/// <summary>
/// One line of <c>models/history.jsonl</c>: what changed the champion set, or tried to — a training run's
/// decisions, an operator's promotion or a rollback — each model's decision with its evidence, and the champion
/// set before and after. Appended before <c>champion.json</c> is written: a crash between the two leaves a
/// decision on record whose pointer never moved, never a pointer without its reason.
/// </summary>
public sealed record RegistryEvent(DateTimeOffset At, string Action, IReadOnlyList<ModelDecision> Decisions, ChampionPointer Before, ChampionPointer After)
{
    public const string TrainingRun = "training-run";
    public const string Promote = "promote";
    public const string Rollback = "rollback";
    public const string ShadowPromotion = "shadow-promotion";

    public bool ChangedChampions => !Before.SameVersionsAs(After);
}

/// <summary>One model's decision: the version, whether it serves now, why, and the numbers behind it.</summary>
public sealed record ModelDecision(string Model, string Version, bool Champion, string Reason, ChampionEvidence? Evidence = null);

/// <summary>
/// The evidence a challenger is judged on: on its validation rows, the MAEs of the challenger, the zero forecast and the
/// per-point constant; on <see cref="ComparisonRows"/> rows neither it nor the champion was fitted on
/// (<see cref="ComparedOn"/> says which, or why there were none), its MAE and the champion's, the margin it had to clear
/// and the Diebold–Mariano test of its absolute errors against the champion's (daily means, Newey–West, a week of lags).
/// </summary>
public sealed record ChampionEvidence(
    int Rows, int Days, double CandidateMae, double ZeroMae, double ConstantMae, double? ChampionMae, double Margin, double MaxPValue,
    double? DmStatistic, double? DmPValue, int? ComparisonRows = null, double? CandidateComparisonMae = null, string? ComparedOn = null);

/// <summary>An operation on the registry that cannot be done as asked (nothing to roll back to, a version that does not exist…).</summary>
public sealed class RegistryException(string message, bool notFound = false) : Exception(message)
{
    /// <summary>True when what was named does not exist (404); otherwise the registry's state forbids it (409).</summary>
    public bool NotFound { get; } = notFound;
}

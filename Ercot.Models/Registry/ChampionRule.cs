namespace Ercot.Models.Registry;

/// <summary>
/// A candidate becomes champion only if its validation MAE beats the zero forecast, the per-point-and-hour
/// constant of its training block, and the current champion scored on the same validation rows (not the
/// champion's old numbers). A model that loses to the constant is recorded, never served.
/// </summary>
public static class ChampionRule
{
    public static (bool IsChampion, string Reason) Decide(double candidateMae, double zeroMae, double constantMae, double? championMaeOnSameRows)
    {
        if (!double.IsFinite(candidateMae))
        {
            return (false, $"validation MAE is not a number ({candidateMae})");
        }
        if (candidateMae >= zeroMae)
        {
            return (false, $"validation MAE {candidateMae:F3} does not beat the zero forecast's {zeroMae:F3}");
        }
        if (candidateMae >= constantMae)
        {
            return (false, $"validation MAE {candidateMae:F3} does not beat the per-point-and-hour constant's {constantMae:F3}");
        }
        if (championMaeOnSameRows is { } champion && candidateMae >= champion)
        {
            return (false, $"validation MAE {candidateMae:F3} does not beat the current champion's {champion:F3} on the same rows");
        }
        return (true, championMaeOnSameRows is { } beaten
            ? $"validation MAE {candidateMae:F3} beats the zero forecast's {zeroMae:F3} and the champion's {beaten:F3} on the same rows"
            : $"validation MAE {candidateMae:F3} beats the zero forecast's {zeroMae:F3}; there was no champion");
    }
}

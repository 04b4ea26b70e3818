namespace Ercot.Core.Models;

/// <summary>The data a scheduled or on-demand retraining uses: the two years up to yesterday.</summary>
public static class TrainingWindow
{
    public static DateRange Default(DateOnly today) => new(today.AddYears(-2), today.AddDays(-1));
}

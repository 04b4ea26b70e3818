using System.ComponentModel.DataAnnotations;

namespace Ercot.Features;

/// <summary>How the Features service schedules and runs builds. Bound from the <c>Features</c> section.</summary>
public sealed class FeaturesOptions
{
    public const string SectionName = "Features";

    /// <summary>Cron of the recurring <c>build-features</c> job. Default: 09:15 every day: yesterday (its real-time prices now complete), today and the next operating day, whose features must exist before the 10:00 gate.</summary>
    [Required]
    public string BuildCron { get; set; } = "15 9 * * *";

    /// <summary>Cron of the recurring <c>issue-forecast</c> job: the next operating day's forecast. Default: 09:30 every day, half an hour before the gate.</summary>
    [Required]
    public string IssueCron { get; set; } = "30 9 * * *";

    /// <summary>Cron of the recurring <c>score-forecasts</c> job: issued days whose real-time prices are complete go into the track record. Default: 00:30 and 06:30 every day.</summary>
    [Required]
    public string ScoreCron { get; set; } = "30 0,6 * * *";

    /// <summary>Cron of the recurring <c>retrain</c> job (a feature build, then a training run). Default: the 1st of each month at 11:00.</summary>
    [Required]
    public string RetrainCron { get; set; } = "0 11 1 * *";

    /// <summary>Time zone of the crons. Default: <c>America/Chicago</c>, ERCOT's.</summary>
    [Required]
    public string TimeZone { get; set; } = "America/Chicago";

    /// <summary>Where Hangfire keeps jobs: <c>InMemory</c> (default), <c>SqlServer</c> or <c>PostgreSql</c> (connection string <c>hangfire</c>).</summary>
    public JobStoreKind JobStore { get; set; } = JobStoreKind.InMemory;

    /// <summary>How often a failed build is retried before it is reported failed. Default: 3.</summary>
    [Range(0, 10)]
    public int BuildRetries { get; set; } = 3;

    /// <summary>How often the market replica of the embedded default publishes what ERCOT would have published since. Default: 10 s.</summary>
    [Range(1, 3600)]
    public int ReplicaIntervalSeconds { get; set; } = 10;

    /// <summary>Hangfire workers. Default: 2 (one build at a time runs anyway; the other serves the schedule).</summary>
    [Range(1, 16)]
    public int Workers { get; set; } = 2;
}

public enum JobStoreKind
{
    InMemory,
    SqlServer,
    PostgreSql,
}

using Ercot.Models.Registry;
using Microsoft.Extensions.Options;

namespace Ercot.Inference.TrackRecord;

/// <summary>Judges the shadow challengers on the live record every <see cref="InferenceOptions.ShadowJudgeMinutes"/>; a promotion moves the pointer, which the champion watcher picks up.</summary>
internal sealed partial class ShadowJudgeService(ShadowJudge judge, IOptions<InferenceOptions> options, TimeProvider time, ILogger<ShadowJudgeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var verdict in await judge.JudgeAsync(ChampionPolicy.Default, stoppingToken))
                {
                    if (verdict.Promoted)
                    {
                        LogPromoted(logger, verdict.Model, verdict.Version, verdict.Days, verdict.Reason);
                    }
                }
                await Task.Delay(TimeSpan.FromMinutes(options.Value.ShadowJudgeMinutes), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e.Message);
                await Task.Delay(TimeSpan.FromMinutes(options.Value.ShadowJudgeMinutes), time, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shadow challenger {Model} {Version} promoted after {Days} live days: {Reason}")]
    private static partial void LogPromoted(ILogger logger, string model, string version, int days, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Judging the shadow challengers failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}

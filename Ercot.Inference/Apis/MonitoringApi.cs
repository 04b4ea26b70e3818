using Ercot.Inference.Monitoring;
using Ercot.Inference.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ercot.Inference.Apis;

public static class MonitoringApi
{
    public static IEndpointRouteBuilder MapMonitoringApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/monitoring/drift", GetDrift)
            .WithTags("Monitoring")
            .WithName("GetDrift")
            .WithSummary("PSI of each feature over the recently scored rows against the training reference; above 0.2 is flagged.");
        return app;
    }

    internal static Results<Ok<DriftReport>, ProblemHttpResult> GetDrift(ChampionHolder champions, DriftMonitor drift) =>
        champions.Current is { } models && drift.Report(models) is { } report
            ? TypedResults.Ok(report)
            : TypedResults.Problem(title: "No reference", detail: "No served model carries a training reference to compare with.", statusCode: StatusCodes.Status404NotFound);
}

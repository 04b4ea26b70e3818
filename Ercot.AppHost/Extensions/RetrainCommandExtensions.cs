using System.Net.Http.Json;
using Ercot.Core.Models;

namespace Ercot.AppHost.Extensions;

/// <summary>A "Retrain now" button on the training resource in the Aspire dashboard.</summary>
internal static class RetrainCommandExtensions
{
    public static IResourceBuilder<ProjectResource> WithRetrainNowCommand(this IResourceBuilder<ProjectResource> training) =>
        training.WithCommand("retrain-now", "Retrain now", async context =>
        {
            var range = TrainingWindow.Default(DateOnly.FromDateTime(DateTime.UtcNow));
            using var client = new HttpClient { BaseAddress = new Uri(training.GetEndpoint("http").Url) };
            using var response = await client.PostAsJsonAsync("/training/runs", new { from = range.From, to = range.To }, context.CancellationToken);
            return response.IsSuccessStatusCode
                ? CommandResults.Success()
                : CommandResults.Failure($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(context.CancellationToken)}");
        }, new CommandOptions
        {
            Description = "Queue a training run of every model on the last two years of features.",
            ConfirmationMessage = "Train every model now?",
            IconName = "BrainCircuit",
        });
}

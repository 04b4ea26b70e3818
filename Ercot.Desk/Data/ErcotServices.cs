using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ercot.ServiceDefaults;

namespace Ercot.Desk.Data;

/// <summary>
/// The desk's one way to the services' APIs, by service discovery (the same names the gateway routes to). Every call
/// answers a <see cref="Answer{T}"/>: the value, or why there is none in words a page can show (the service's own
/// problem detail, or that it could not be reached), so that a page draws an empty state instead of failing.
/// </summary>
public sealed class ErcotServices(IHttpClientFactory clients)
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public Task<Answer<DayForecast>> DayForecastAsync(DateOnly day, CancellationToken cancellationToken) =>
        GetAsync<DayForecast>(ResourceNames.Inference, $"/forecast/day?date={day:yyyy-MM-dd}", cancellationToken);

    public Task<Answer<ModelList>> ModelsAsync(CancellationToken cancellationToken) =>
        GetAsync<ModelList>(ResourceNames.Inference, "/models/", cancellationToken);

    public Task<Answer<ModelInfo>> ModelInfoAsync(CancellationToken cancellationToken) =>
        GetAsync<ModelInfo>(ResourceNames.Inference, "/model/info", cancellationToken);

    public Task<Answer<JsonElement>> RollbackAsync(CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(ResourceNames.Inference, HttpMethod.Post, "/models/champion/rollback", cancellationToken);

    public Task<Answer<IReadOnlyList<FeedStatus>>> FeedsAsync(CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<FeedStatus>>(ResourceNames.Features, "/features/feeds", cancellationToken);

    public Task<Answer<IReadOnlyList<FeatureBuild>>> BuildsAsync(CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<FeatureBuild>>(ResourceNames.Features, "/features/builds", cancellationToken);

    public Task<Answer<IReadOnlyList<TrainingRun>>> RunsAsync(CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<TrainingRun>>(ResourceNames.Training, "/training/runs/", cancellationToken);

    public Task<Answer<IReadOnlyList<BacktestJob>>> BacktestsAsync(CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<BacktestJob>>(ResourceNames.Training, "/training/backtests/", cancellationToken);

    public Task<Answer<BacktestJob>> BacktestAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<BacktestJob>(ResourceNames.Training, $"/training/backtests/{Uri.EscapeDataString(id)}", cancellationToken);

    /// <summary>Queues a feature build of <paramref name="from"/>..<paramref name="to"/> (an admin's button).</summary>
    public Task<Answer<FeatureBuild>> StartBuildAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        SendAsync<FeatureBuild>(ResourceNames.Features, HttpMethod.Post, "/features/builds", cancellationToken,
            JsonContent.Create(new { from, to }, options: Json));

    private Task<Answer<T>> GetAsync<T>(string service, string path, CancellationToken cancellationToken) =>
        SendAsync<T>(service, HttpMethod.Get, path, cancellationToken);

    private async Task<Answer<T>> SendAsync<T>(string service, HttpMethod method, string path, CancellationToken cancellationToken, HttpContent? content = null)
    {
        var client = clients.CreateClient(service);
        try
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = content }, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return Answer.Of((await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken))!);
            }
            return Answer.Missing<T>(response.StatusCode, await ProblemOfAsync(response, cancellationToken));
        }
        catch (HttpRequestException e)
        {
            return Answer.Missing<T>(HttpStatusCode.ServiceUnavailable, $"The {service} service could not be reached ({e.Message}).");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Answer.Missing<T>(HttpStatusCode.GatewayTimeout, $"The {service} service did not answer in time.");
        }
    }

    private static async Task<string> ProblemOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
        }
        return $"{(int)response.StatusCode} {response.ReasonPhrase}";
    }
}

/// <summary>A value from a service, or the status and reason it could not be had.</summary>
public sealed record Answer<T>(T? Value, HttpStatusCode Status, string? Problem)
{
    public bool Found => Problem is null;
}

public static class Answer
{
    public static Answer<T> Of<T>(T value) => new(value, HttpStatusCode.OK, null);

    public static Answer<T> Missing<T>(HttpStatusCode status, string problem) => new(default, status, problem);
}

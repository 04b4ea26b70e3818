using System.Net.Http.Json;

namespace Ercot.Features.Jobs;

/// <summary>The inference API, found by service discovery: the daily cycle asks it to issue a day's forecast with the champions it serves.</summary>
public sealed class InferenceClient(HttpClient http)
{
    /// <summary>Issues <paramref name="day"/>'s forecast as the schedule (once a day: asked again, the same revision is answered).</summary>
    public async Task IssueScheduledAsync(DateOnly day, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/forecasts/issued", new { date = day, trigger = "schedule" }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"The inference API did not issue the forecast of {day:yyyy-MM-dd} ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}

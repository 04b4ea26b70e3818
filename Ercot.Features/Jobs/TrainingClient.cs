using System.Net.Http.Json;
using Ercot.Core.Models;

namespace Ercot.Features.Jobs;

/// <summary>The Training service, found by service discovery, called with the standard resilience pipeline.</summary>
public sealed class TrainingClient(HttpClient http)
{
    /// <summary>Queues a training run; returns where to follow it.</summary>
    public async Task<Uri?> StartRunAsync(DateRange range, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/training/runs", new { from = range.From, to = range.To }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"The Training service refused the run ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
        return response.Headers.Location;
    }
}

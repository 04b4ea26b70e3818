using System.Net;
using Ercot.Core.Storage;
using Ercot.Inference.Scoring;
using Ercot.ServiceDefaults;
using Ercot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Ercot.Tests.Inference;

/// <summary>In Azure the deployment sets Application Insights' connection string; the service defaults then export there too.</summary>
public sealed class ApplicationInsightsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AzureMonitor_IsSwitchedOn_ExactlyWhenItsConnectionStringIsSet(bool configured)
    {
        using var folder = new TemporaryFolder();
        List<ServiceDescriptor> registered = [];
        using var service = new WebApplicationFactory<ChampionHolder>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting($"{ArtifactStoreOptions.SectionName}:{nameof(ArtifactStoreOptions.Root)}", folder.Path);
            if (configured)
            {
                // A syntactically valid connection string whose endpoint nothing listens on: nothing leaves the machine.
                builder.UseSetting(Extensions.ApplicationInsightsSetting,
                    "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/");
            }
            builder.ConfigureTestServices(services => registered = [.. services]);
        });
        using var http = service.CreateClient();

        var alive = await http.GetAsync(HealthEndpoints.Alive);

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(configured, registered.Any(descriptor =>
            (descriptor.IsKeyedService ? descriptor.KeyedImplementationType : descriptor.ImplementationType)?.Namespace?.StartsWith("Azure.Monitor", StringComparison.Ordinal) == true
            || descriptor.ServiceType.Namespace?.StartsWith("Azure.Monitor", StringComparison.Ordinal) == true));
    }
}

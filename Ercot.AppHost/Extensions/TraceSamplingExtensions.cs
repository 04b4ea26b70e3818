using System.Globalization;

namespace Ercot.AppHost.Extensions;

/// <summary>
/// Traces every request by default, as Aspire does. Under load that is more telemetry than the
/// dashboard can take in on a small machine, so <c>Telemetry:TraceSampleRatio</c> (0 to 1) makes every
/// service keep that share of traces, decided once at the front door and followed downstream.
/// </summary>
internal static class TraceSamplingExtensions
{
    public const string ConfigurationKey = "Telemetry:TraceSampleRatio";

    public static IDistributedApplicationBuilder WithTraceSampling(this IDistributedApplicationBuilder builder)
    {
        var setting = builder.Configuration[ConfigurationKey];
        if (string.IsNullOrEmpty(setting))
        {
            return builder;
        }
        if (!double.TryParse(setting, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) || ratio is < 0 or > 1)
        {
            throw new InvalidOperationException($"{ConfigurationKey} must be a number from 0 to 1, got '{setting}'.");
        }
        // Projects, and the Training service where it is published as a container.
        foreach (var service in builder.Resources.OfType<IResourceWithEnvironment>().Where(resource => resource is ProjectResource or ContainerResource))
        {
            builder.CreateResourceBuilder(service)
                .WithEnvironment("OTEL_TRACES_SAMPLER", "parentbased_traceidratio")
                .WithEnvironment("OTEL_TRACES_SAMPLER_ARG", ratio.ToString(CultureInfo.InvariantCulture));
        }
        return builder;
    }
}

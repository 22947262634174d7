using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OmniGraph.Server.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics of the server — ASP.NET Core requests, Orleans grain calls (Orleans' own activity
/// sources and meter), the engine's query and commit phases (<see cref="OmniGraph.Abstractions.EngineTelemetry"/>) and its
/// metrics (<see cref="OmniGraph.Abstractions.EngineMetrics"/>, <see cref="OmniGraph.Storage.ObjectStoreMetrics"/>; docs/telemetry.md) — exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads the
/// standard <c>OTEL_*</c> variables). Without it nothing is collected.
/// </summary>
internal static class ServerTelemetry
{
    /// <summary>The variable that turns export on.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The Orleans activity sources (grain calls, the application's grain methods).</summary>
    private static readonly string[] s_orleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <summary>Adds telemetry when an OTLP endpoint is configured.</summary>
    public static void Add(WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EndpointVariable)))
        {
            return;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("omnigraph-server", serviceVersion: ServerInfo.Version))
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddSource(s_orleansSources).AddSource(OmniGraph.Abstractions.EngineTelemetry.SourceName))
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddMeter("Microsoft.Orleans", OmniGraph.Abstractions.EngineMetrics.MeterName, OmniGraph.Storage.ObjectStoreMetrics.MeterName))
            .UseOtlpExporter();
    }
}

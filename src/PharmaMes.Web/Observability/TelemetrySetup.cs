using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PharmaMes.Infrastructure;
using PharmaMes.Infrastructure.Observability;
using PharmaMes.Web.Endpoints;

namespace PharmaMes.Web.Observability;

/// <summary>
/// Metrics (always, for <c>/metrics</c>; to a collector too when <see cref="OtlpExport"/> is configured),
/// traces (only towards a collector: with nobody to read them they would cost for nothing) and the
/// trace ids in log scopes. docs/observability.md says what each instrument means.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "PharmaMes";

    /// <summary>The meters read besides the MES's own: ASP.NET Core's, Kestrel's, SignalR's, Blazor's and HttpClient's.</summary>
    private static readonly string[] Meters =
    [
        MesMeters.Name,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Components.Server.Circuits",
        "System.Net.Http",
    ];

    public static WebApplicationBuilder AddMesTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var export = OtlpExport.Read(builder.Configuration);
        var node = NodeName.Of(builder.Configuration);

        // Every log scope carries the trace and span of the request or job it belongs to (json or simple console).
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        services.AddSingleton<MesMeters>();
        services.AddSingleton<HubInstruments>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<CircuitHandler, CircuitCounter>());

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceInstanceId: node, autoGenerateServiceInstanceId: false));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(Meters).AddRuntimeInstrumentation().AddPrometheusExporter();
            if (export is not null)
                metrics.AddOtlpExporter((exporter, reader) =>
                {
                    export.Apply(exporter, "v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = export.ExportIntervalMilliseconds;
                });
        });
        if (export is not null)
            telemetry.WithTracing(tracing => tracing
                .AddSource(MesActivities.Name)
                // Scrapes and probes come every few seconds and say nothing about the plant.
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsMonitoring(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(exporter =>
                {
                    export.Apply(exporter, "v1/traces");
                    exporter.BatchExportProcessorOptions.ScheduledDelayMilliseconds = export.TraceExportDelayMilliseconds;
                }));
        return builder;
    }

    private static bool IsMonitoring(PathString path) =>
        path.StartsWithSegments(MetricsEndpoints.Path) || path.StartsWithSegments("/health");
}

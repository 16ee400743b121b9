using OpenTelemetry.Metrics;
using PharmaMes.Infrastructure.Observability;
using PharmaMes.Web.Security;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// <c>GET /metrics</c>: the MES's own meter (the ingest's counters and queue), ASP.NET Core's and
/// Kestrel's, and SignalR's connections, in the Prometheus text format, on the app's own port. Read
/// from the machine itself (a local agent or Prometheus) or with an API key or as an administrator.
/// </summary>
public static class MetricsEndpoints
{
    public const string Path = "/metrics";

    public static IServiceCollection AddMesMetrics(this IServiceCollection services)
    {
        services.AddSingleton<MesMeters>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(MesMeters.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections")
            .AddPrometheusExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder app)
    {
        // The meter exists once its owner does: made now, not at the first scrape.
        app.ServiceProvider.GetRequiredService<MesMeters>();
        app.MapPrometheusScrapingEndpoint(Path).RequireAuthorization(Policies.Monitoring);
        return app;
    }
}

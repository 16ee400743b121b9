using PharmaMes.Infrastructure.Observability;
using PharmaMes.Web.Security;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// <c>GET /metrics</c>: the MES's own meter (ingest, outbox, plant hub, circuits), ASP.NET Core's,
/// Kestrel's, SignalR's and the runtime's, in the Prometheus text format, on the app's own port. Read
/// from the machine itself (a local agent or Prometheus) or with an API key or as an administrator.
/// Registered with the rest of the telemetry in <see cref="Observability.TelemetrySetup"/>.
/// </summary>
public static class MetricsEndpoints
{
    public const string Path = "/metrics";

    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder app)
    {
        // The instruments exist once their owners do: made now, not at the first scrape or first delivery.
        app.ServiceProvider.GetRequiredService<MesMeters>();
        app.ServiceProvider.GetRequiredService<OutboxInstruments>();
        app.ServiceProvider.GetRequiredService<Observability.HubInstruments>();
        app.MapPrometheusScrapingEndpoint(Path).RequireAuthorization(Policies.Monitoring);
        return app;
    }
}

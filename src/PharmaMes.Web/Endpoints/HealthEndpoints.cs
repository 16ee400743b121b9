using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// Health for monitoring and orchestrators, JSON, no sign-in needed, no data beyond status:
/// <c>/health</c> every check; <c>/health/live</c> the process answers (restart it when not);
/// <c>/health/ready</c> the database, the ingest, the ERP outbox and the background jobs (take the node
/// out of the load balancer on 503, when one is Unhealthy; Degraded still serves, with the reason).
/// </summary>
public static class HealthEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", Options(_ => true)).AllowAnonymous();
        app.MapHealthChecks("/health/live", Options(_ => false)).AllowAnonymous();
        app.MapHealthChecks("/health/ready", Options(check => check.Tags.Contains(Infrastructure.HealthTags.Ready))).AllowAnonymous();
        return app;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = WriteAsync,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            totalDurationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}

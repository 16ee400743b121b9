using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PharmaMes.Infrastructure.Outbox;
using PharmaMes.Web.Security;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// <c>/api/v1/erp/outbox</c>: what the MES has sent to the ERP, what waits and what failed, and the
/// replay of dead-lettered messages, for the integration team's monitoring.
/// </summary>
public static class OutboxApi
{
    private static readonly string[] Statuses = ["pending", "failed", "delivered"];

    public static IEndpointRouteBuilder MapOutboxApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/erp/outbox").RequireAuthorization(Policies.ErpIntegration).WithTags("ERP outbound");
        api.MapGet("", ListAsync).WithName("ListOutboxMessages");
        api.MapPost("/{position:long}/replay", ReplayAsync).WithName("ReplayOutboxMessage");
        api.MapPost("/replay-failed", ReplayFailedAsync).WithName("ReplayFailedOutboxMessages");
        return app;
    }

    private static async Task<Results<Ok<OutboxPageResource>, ValidationProblem>> ListAsync(
        string? status, string? limit, string? before, OutboxMonitor outbox, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        OutboxStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Statuses.Contains(status.Trim().ToLowerInvariant()))
                wanted = Enum.Parse<OutboxStatus>(status.Trim(), ignoreCase: true);
            else
                errors["status"] = [$"One of {string.Join(", ", Statuses)}, or none for all."];
        }
        var size = 100;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > OutboxMonitor.MaxPageSize))
            errors["limit"] = [$"From 1 to {OutboxMonitor.MaxPageSize} messages."];
        long? beforePosition = null;
        if (before is not null)
        {
            if (long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
                beforePosition = parsed;
            else
                errors["before"] = ["A message position (a whole number above 0) from nextBefore of the previous page."];
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The outbox request is not valid");
        var messages = await outbox.ListAsync(wanted, size, beforePosition, cancellationToken);
        var counts = await outbox.CountAsync(cancellationToken);
        return TypedResults.Ok(new OutboxPageResource(messages.Select(OutboxMessageResource.Of).ToList(), counts.Pending, counts.Failed, counts.Delivered,
            counts.OldestUndeliveredAt, messages.Count == size ? messages[^1].Position : null));
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> ReplayAsync(long position, OutboxMonitor outbox, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await outbox.ReplayAsync(position, user.Identity?.Name ?? "unknown", cancellationToken)
            ? TypedResults.Accepted($"/api/v1/erp/outbox?before={position + 1}&limit=1")
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Message not found", detail: $"There is no outbound message at position {position}.");

    private static async Task<Ok<ReplayedResource>> ReplayFailedAsync(OutboxMonitor outbox, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ReplayedResource(await outbox.ReplayFailedAsync(user.Identity?.Name ?? "unknown", cancellationToken)));

    public sealed record ReplayedResource(int Replayed);
}

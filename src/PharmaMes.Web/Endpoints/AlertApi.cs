using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PharmaMes.Domain.Alerts;
using PharmaMes.Infrastructure.Alerts;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Web.Security;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// <c>/api/v1/alerts</c>: the alerts people must see (ISA-18.2: active, or cleared but not yet acknowledged) and their
/// acknowledgement. Anyone on the plant may read them; the people who look after equipment acknowledge them.
/// </summary>
public static class AlertApi
{
    public static IEndpointRouteBuilder MapAlertApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Alerts");
        api.MapGet("/alerts", ListAsync).RequireAuthorization(Policies.PlantReader).WithName("ListAlerts");
        api.MapGet("/alerts/{id:guid}", GetAsync).RequireAuthorization(Policies.PlantReader).WithName("GetAlert");
        api.MapPost("/alerts/{id:guid}/acknowledge", AcknowledgeAsync).RequireAuthorization(Policies.EquipmentCare).WithName("AcknowledgeAlert");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<AlertView>>, ValidationProblem>> ListAsync(string? state, string? source, AlertQueries alerts,
        CancellationToken cancellationToken)
    {
        AlarmState? wanted = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (!Enum.TryParse<AlarmState>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["state"] = [$"Give one of {string.Join(", ", Enum.GetNames<AlarmState>())}, or leave it out for every alert not back to Normal."],
                }, title: "The alert filter is not valid");
            wanted = parsed;
        }
        return TypedResults.Ok(await alerts.ListAsync(wanted, source: source, cancellationToken: cancellationToken));
    }

    private static async Task<Results<Ok<AlertView>, ProblemHttpResult>> GetAsync(Guid id, AlertQueries alerts, CancellationToken cancellationToken) =>
        await alerts.GetAsync(id, cancellationToken) is { } alert ? TypedResults.Ok(alert) : NotFound(id);

    private static async Task<Results<Ok<AlertView>, ProblemHttpResult>> AcknowledgeAsync(Guid id, AlertAcknowledgementRequest? request,
        AlertAcknowledgement acknowledgement, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        try
        {
            return await acknowledgement.AcknowledgeAsync(id, request?.Comment, AuditActor.Of(user), cancellationToken) is { } alert
                ? TypedResults.Ok(alert)
                : NotFound(id);
        }
        catch (AlertAlreadyAcknowledgedException already)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The alert is already acknowledged", detail: already.Message);
        }
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such alert", detail: $"There is no alert '{id}'.");
}

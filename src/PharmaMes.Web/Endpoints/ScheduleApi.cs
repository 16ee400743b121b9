using Microsoft.AspNetCore.Http.HttpResults;
using PharmaMes.Infrastructure.Planning;
using PharmaMes.Web.Security;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// <c>GET /api/v1/schedule?from=&amp;to=&amp;line=</c>: the schedule in force, orders with an operation in the period (all
/// when not given) on the line (all when not given); <c>POST /api/v1/schedule/plan</c>: plan now, without waiting for the
/// next change; <c>GET /api/v1/schedule/material-shortfalls</c>: the time-phased material view;
/// <c>POST /api/v1/schedule/moves</c>: a planner's move of one operation, checked (<c>"check": true</c>: why it cannot
/// stand, or the orders it changes) or put in force with its reason.
/// </summary>
public static class ScheduleApi
{
    public static IEndpointRouteBuilder MapScheduleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/schedule").WithTags("Planning");
        api.MapGet("", GetAsync).RequireAuthorization(Policies.PlantReader).WithName("GetSchedule");
        api.MapPost("/plan", PlanAsync).RequireAuthorization(Policies.BatchPlanning).WithName("PlanSchedule");
        api.MapPost("/moves", MoveAsync).RequireAuthorization(Policies.BatchPlanning).WithName("MoveOperation")
            .WithSummary("Move one operation to an eligible equipment or another time: checked, or put in force with a reason");
        api.MapGet("/material-shortfalls", async (MaterialPlanService materials, CancellationToken ct) => TypedResults.Ok(await materials.ShortfallsAsync(ct)))
            .RequireAuthorization(Policies.PlantReader).WithName("GetMaterialShortfalls")
            .WithSummary("Per material the schedule runs short of: from when, by how much, for which orders");
        return app;
    }

    private static async Task<Results<Ok<ScheduleResource>, ValidationProblem>> GetAsync(DateTimeOffset? from, DateTimeOffset? to, string? line,
        ScheduleService schedule, CancellationToken cancellationToken)
    {
        if (from is { } start && to is { } end && end <= start)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["The end of the period must be after its start."] },
                title: "The schedule request is not valid");
        return TypedResults.Ok(ScheduleResource.Of(await schedule.GetAsync(from, to, line, cancellationToken)));
    }

    private static async Task<Results<Ok<MoveCheckResource>, Ok<ImpactDetailResource>, ValidationProblem>> MoveAsync(OperationMoveRequest? request,
        ImpactService impacts, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request?.OrderNumber))
            errors["orderNumber"] = ["Name the order whose operation moves."];
        if (request?.Step is null or < 1)
            errors["step"] = ["Give the step number of the operation."];
        if (string.IsNullOrWhiteSpace(request?.EquipmentCode))
            errors["equipmentCode"] = ["Name the equipment the operation moves to."];
        if (request?.PlannedStart is null)
            errors["plannedStart"] = ["Give when the operation starts."];
        if (request?.Check != true && string.IsNullOrWhiteSpace(request?.Reason))
            errors["reason"] = ["Give the reason for the move: it goes into the audit trail."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The move is not valid");
        var move = new OperationMove(request!.OrderNumber!.Trim(), request.Step!.Value, request.EquipmentCode!.Trim(), request.PlannedStart!.Value);
        if (request.Check == true)
            return TypedResults.Ok(MoveCheckResource.Of(await impacts.CheckMoveAsync(move, cancellationToken)));
        return TypedResults.Ok(ImpactDetailResource.Of(await impacts.MoveAsync(move, request.Reason!.Trim(), Infrastructure.Audit.AuditActor.Of(user),
            cancellationToken)));
    }

    private static async Task<Results<Ok<ScheduleResource>, ProblemHttpResult>> PlanAsync(ScheduleService schedule, ImpactService impacts,
        CancellationToken cancellationToken)
    {
        if (await impacts.WaitingAsync(cancellationToken) is { } waiting)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "A proposal waits for a planner",
                detail: $"'{waiting.Description}' proposed a new schedule at {waiting.RaisedAt:yyyy-MM-dd HH:mm} UTC: accept it first (POST /api/v1/impacts/{waiting.Id}/accept).",
                extensions: new Dictionary<string, object?> { ["impact"] = waiting.Id });
        await schedule.PlanAsync(cancellationToken);
        return TypedResults.Ok(ScheduleResource.Of(await schedule.GetAsync(cancellationToken: cancellationToken)));
    }
}

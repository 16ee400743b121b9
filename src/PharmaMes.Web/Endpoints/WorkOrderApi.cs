using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Maintenance;
using PharmaMes.Web.Security;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// <c>/api/v1/work-orders</c> and <c>/api/v1/equipment/{code}/work-orders|maintenance-plans</c>: maintenance work
/// orders from raised to released, and each unit's preventive schedule. Anyone who cares for equipment may
/// raise a corrective order; maintenance and supervisors work them; the release is signed.
/// </summary>
public static class WorkOrderApi
{
    public static IEndpointRouteBuilder MapWorkOrderApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Maintenance");
        api.MapGet("/work-orders", ListAsync).RequireAuthorization(Policies.EquipmentCare).WithName("ListWorkOrders");
        api.MapGet("/work-orders/{number}", GetAsync).RequireAuthorization(Policies.EquipmentCare).WithName("GetWorkOrder");
        api.MapPost("/equipment/{code}/work-orders", RaiseAsync).RequireAuthorization(Policies.EquipmentCare).WithName("RaiseWorkOrder");
        api.MapPost("/work-orders/{number}/assign", AssignAsync).RequireAuthorization(Policies.WorkOrders).WithName("AssignWorkOrder");
        api.MapPost("/work-orders/{number}/start", StartAsync).RequireAuthorization(Policies.WorkOrders).WithName("StartWorkOrder");
        api.MapPost("/work-orders/{number}/complete", CompleteAsync).RequireAuthorization(Policies.WorkOrders).WithName("CompleteWorkOrder");
        api.MapPost("/work-orders/{number}/release", ReleaseAsync).RequireAuthorization(Policies.WorkOrders).WithName("ReleaseWorkOrder");
        api.MapPost("/work-orders/{number}/cancel", CancelAsync).RequireAuthorization(Policies.WorkOrders).WithName("CancelWorkOrder");
        api.MapGet("/equipment/{code}/maintenance-plans", ListPlansAsync).RequireAuthorization(Policies.EquipmentCare).WithName("ListMaintenancePlans");
        api.MapPost("/equipment/{code}/maintenance-plans", AddPlanAsync).RequireAuthorization(Policies.WorkOrders).WithName("AddMaintenancePlan");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<WorkOrderView>>> ListAsync(string? equipment, bool? all, WorkOrderService orders, CancellationToken cancellationToken) =>
        TypedResults.Ok(await orders.ListAsync(equipment, all ?? false, cancellationToken: cancellationToken));

    private static async Task<Results<Ok<WorkOrderView>, ProblemHttpResult>> GetAsync(string number, WorkOrderService orders, CancellationToken cancellationToken) =>
        await orders.GetAsync(number, cancellationToken) is { } order
            ? TypedResults.Ok(order)
            : NotFound(number);

    private static async Task<Results<Created<WorkOrderRaised>, ValidationProblem>> RaiseAsync(
        string code, WorkOrderRequest request, WorkOrderService orders, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Task))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["task"] = ["Say what is to be done."] }, title: "The work order is not valid");
        var number = await orders.RaiseCorrectiveAsync(code, request.Task, request.Cause, AuditActor.Of(user), cancellationToken);
        return TypedResults.Created($"/api/v1/work-orders/{number}", new WorkOrderRaised(number));
    }

    private static async Task<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        string number, WorkOrderAssignment request, WorkOrderService orders, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Technician))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["technician"] = ["Say who does the work."] }, title: "The assignment is not valid");
        await orders.AssignAsync(number, request.Technician, AuditActor.Of(user), cancellationToken);
        return await CurrentAsync(number, orders, cancellationToken);
    }

    private static async Task<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>> StartAsync(
        string number, WorkOrderService orders, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await orders.StartAsync(number, AuditActor.Of(user), cancellationToken);
        return await CurrentAsync(number, orders, cancellationToken);
    }

    private static async Task<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>> CompleteAsync(
        string number, WorkOrderCompletion request, WorkOrderService orders, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.WorkDone))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["workDone"] = ["Say what was done."] }, title: "The completion is not valid");
        await orders.CompleteAsync(number, request.WorkDone, request.PartsUsed, AuditActor.Of(user), cancellationToken);
        return await CurrentAsync(number, orders, cancellationToken);
    }

    private static async Task<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>> ReleaseAsync(
        string number, WorkOrderRelease request, WorkOrderService orders, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Signature?.UserName) || string.IsNullOrEmpty(request.Signature.Password))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["signature"] = ["Sign with your own user name and password: {\"signature\":{\"userName\":\"…\",\"password\":\"…\"}}."],
            }, title: "The release is not valid");
        await orders.ReleaseAsync(number, new(request.Signature.UserName, request.Signature.Password), AuditActor.Of(user), cancellationToken);
        return await CurrentAsync(number, orders, cancellationToken);
    }

    private static async Task<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        string number, WorkOrderCancellation request, WorkOrderService orders, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Say why the work is no longer needed."] }, title: "The cancellation is not valid");
        await orders.CancelAsync(number, request.Reason, AuditActor.Of(user), cancellationToken);
        return await CurrentAsync(number, orders, cancellationToken);
    }

    private static async Task<Ok<List<MaintenancePlanResource>>> ListPlansAsync(string code, WorkOrderService orders, CancellationToken cancellationToken) =>
        TypedResults.Ok((await orders.PlansAsync(code, cancellationToken))
            .Select(p => new MaintenancePlanResource(p.Id, p.EquipmentCode.Value, p.Task, p.IntervalDays, p.NextDueOn, p.LastDoneOn)).ToList());

    private static async Task<Results<Created<MaintenancePlanResource>, ValidationProblem>> AddPlanAsync(
        string code, MaintenancePlanRequest request, WorkOrderService orders, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Task))
            errors["task"] = ["Say what is to be done each time."];
        if (request.IntervalDays is null)
            errors["intervalDays"] = ["Give the interval in days."];
        if (request.FirstDueOn is null)
            errors["firstDueOn"] = ["Give the day the task is first due (yyyy-MM-dd)."];
        if (string.IsNullOrWhiteSpace(request.Reason))
            errors["reason"] = ["Give the reason for this schedule (e.g. the maintenance programme it comes from): it goes into the audit trail."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The maintenance plan is not valid");
        var id = await orders.AddPlanAsync(code, request.Task!, request.IntervalDays!.Value, request.FirstDueOn!.Value, AuditActor.Of(user, request.Reason!.Trim()),
            cancellationToken);
        var plan = (await orders.PlansAsync(code, cancellationToken)).Single(p => p.Id == id);
        return TypedResults.Created($"/api/v1/equipment/{plan.EquipmentCode}/maintenance-plans",
            new MaintenancePlanResource(plan.Id, plan.EquipmentCode.Value, plan.Task, plan.IntervalDays, plan.NextDueOn, plan.LastDoneOn));
    }

    private static async Task<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>> CurrentAsync(string number, WorkOrderService orders,
        CancellationToken cancellationToken) =>
        await orders.GetAsync(number, cancellationToken) is { } order ? TypedResults.Ok(order) : NotFound(number);

    private static ProblemHttpResult NotFound(string number) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such work order", detail: $"There is no work order '{number}'.");
}

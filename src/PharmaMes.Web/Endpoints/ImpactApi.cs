using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Planning;
using PharmaMes.Web.Security;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// The failure-impact loop's answers: <c>GET /api/v1/impacts</c> (newest first), <c>GET /api/v1/impacts/{id}</c> (with
/// the orders it delays and its proposed operations), <c>POST /api/v1/impacts/{id}/accept</c> with <c>{"reason": "..."}</c>.
/// </summary>
public static class ImpactApi
{
    public static IEndpointRouteBuilder MapImpactApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/impacts").WithTags("Planning");
        api.MapGet("", ListAsync).RequireAuthorization(Policies.PlantReader).WithName("ListImpacts");
        api.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.PlantReader).WithName("GetImpact");
        api.MapPost("/{id:guid}/accept", AcceptAsync).RequireAuthorization(Policies.BatchPlanning).WithName("AcceptImpact");
        return app;
    }

    private static async Task<Ok<List<ImpactResource>>> ListAsync(ImpactService impacts, CancellationToken cancellationToken) =>
        TypedResults.Ok((await impacts.ListAsync(cancellationToken: cancellationToken)).Select(ImpactResource.Of).ToList());

    private static async Task<Results<Ok<ImpactDetailResource>, ProblemHttpResult>> GetAsync(Guid id, ImpactService impacts, CancellationToken cancellationToken) =>
        await impacts.GetAsync(id, cancellationToken) is { } impact
            ? TypedResults.Ok(ImpactDetailResource.Of(impact))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Impact not found", detail: $"There is no schedule impact {id}.");

    private static async Task<Results<Ok<ImpactDetailResource>, ValidationProblem>> AcceptAsync(Guid id, ImpactAcceptanceRequest? request, ImpactService impacts,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Reason))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Say why the proposal is accepted: it goes into the audit trail."] },
                title: "The acceptance is not valid");
        return TypedResults.Ok(ImpactDetailResource.Of(await impacts.AcceptAsync(id, request.Reason.Trim(), AuditActor.Of(user), cancellationToken)));
    }
}

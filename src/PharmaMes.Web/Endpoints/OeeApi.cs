using Microsoft.AspNetCore.Http.HttpResults;
using PharmaMes.Domain.Common;
using PharmaMes.Infrastructure.Performance;
using PharmaMes.Web.Security;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// <c>GET /api/v1/equipment/{code}/oee</c>, <c>GET /api/v1/lines/{code}/oee</c> and <c>GET /api/v1/sites/{code}/oee</c>: OEE over
/// <c>from</c> – <c>to</c> (default the last 24 hours), split <c>by=shift</c> (default) or <c>by=hour</c>.
/// </summary>
public static class OeeApi
{
    public static IEndpointRouteBuilder MapOeeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.PlantReader).WithTags("Performance");
        api.MapGet("/equipment/{code}/oee", (string code, DateTimeOffset? from, DateTimeOffset? to, string? by, OeeService oee, TimeProvider clock, CancellationToken ct) =>
            AnswerAsync("Equipment", code, from, to, by, clock, (f, t, k) => oee.ForEquipmentAsync(code, f, t, k, ct))).WithName("GetEquipmentOee");
        api.MapGet("/lines/{code}/oee", (string code, DateTimeOffset? from, DateTimeOffset? to, string? by, OeeService oee, TimeProvider clock, CancellationToken ct) =>
            AnswerAsync("Line", code, from, to, by, clock, (f, t, k) => oee.ForLineAsync(code, f, t, k, ct))).WithName("GetLineOee");
        api.MapGet("/sites/{code}/oee", (string code, DateTimeOffset? from, DateTimeOffset? to, string? by, OeeService oee, TimeProvider clock, CancellationToken ct) =>
            AnswerAsync("Site", code, from, to, by, clock, (f, t, k) => oee.ForSiteAsync(code, f, t, k, ct))).WithName("GetSiteOee");
        return app;
    }

    private static async Task<Results<Ok<OeeResource>, ValidationProblem, ProblemHttpResult>> AnswerAsync(string what, string code,
        DateTimeOffset? from, DateTimeOffset? to, string? by, TimeProvider clock, Func<DateTimeOffset, DateTimeOffset, OeePeriodKind, Task<OeeReport?>> read)
    {
        var end = to ?? clock.GetUtcNow();
        var start = from ?? end.AddHours(-24);
        var errors = new Dictionary<string, string[]>();
        if (end <= start)
            errors["to"] = ["The end of the period must be after its start."];
        else if (end - start > OeeService.MaxRange)
            errors["from"] = [$"A period may span at most {OeeService.MaxRange.TotalDays:0} days."];
        OeePeriodKind kind = OeePeriodKind.Shift;
        if (by is not null && (!Enum.TryParse(by, ignoreCase: true, out kind) || !Enum.IsDefined(kind) || int.TryParse(by, out _)))
            errors["by"] = ["Split by 'shift' or 'hour'."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The OEE request is not valid");
        try
        {
            var report = await read(start, end, kind);
            return report is null
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found", detail: $"There is no {what.ToLowerInvariant()} with the code '{code}'.")
                : TypedResults.Ok(OeeResource.Of(report));
        }
        catch (DomainException refused)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = [refused.Message] }, title: "The OEE request is not valid");
        }
    }
}

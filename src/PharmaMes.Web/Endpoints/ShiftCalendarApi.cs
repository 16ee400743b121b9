using Microsoft.AspNetCore.Http.HttpResults;
using PharmaMes.Domain.Performance;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Performance;
using PharmaMes.Web.Security;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// <c>GET</c> and <c>PUT /api/v1/shift-calendars/{scope}</c>: the planned time of a line or site for OEE. Anyone reading
/// the plant may read it; supervisors and administrators change it, with a reason (<c>X-Change-Reason</c> or <c>?reason=</c>) in the audit trail.
/// A rule the calendar breaks (an unknown time zone, a break outside its shift) answers 400 with the reason.
/// </summary>
public static class ShiftCalendarApi
{
    public static IEndpointRouteBuilder MapShiftCalendarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/shift-calendars").WithTags("Performance");
        api.MapGet("/{scope}", GetAsync).RequireAuthorization(Policies.PlantReader).WithName("GetShiftCalendar");
        api.MapPut("/{scope}", PutAsync).RequireAuthorization(Policies.ShiftCalendars).WithName("PutShiftCalendar");
        return app;
    }

    private static async Task<Results<Ok<ShiftCalendarResource>, ProblemHttpResult>> GetAsync(string scope, ShiftCalendarService calendars, CancellationToken cancellationToken) =>
        await calendars.GetAsync(scope, cancellationToken) is { } calendar
            ? TypedResults.Ok(ShiftCalendarResource.Of(calendar))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No shift calendar",
                detail: $"{scope} has no calendar of its own: its equipment follows its site's calendar, or is planned around the clock.");

    private static async Task<Results<Ok<ShiftCalendarResource>, ValidationProblem>> PutAsync(string scope, string? reason, ShiftCalendarInput input,
        HttpContext context, ShiftCalendarService calendars, CancellationToken cancellationToken)
    {
        // The same rule as every plant change: why, in the header or the query, into the audit trail.
        var why = context.Request.Headers[PlantModelApi.ReasonHeader].FirstOrDefault() ?? reason;
        if (string.IsNullOrWhiteSpace(why))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [$"Say why the calendar changes, in the {PlantModelApi.ReasonHeader} header or ?reason=."] },
                title: "A calendar change needs a reason");
        var actor = AuditActor.Of(context.User).Because(why.Trim());
        return TypedResults.Ok(ShiftCalendarResource.Of(await calendars.SaveAsync(scope, input, actor, cancellationToken)));
    }
}

/// <summary>A shift calendar as the API returns it (the same shape a PUT takes).</summary>
public sealed record ShiftCalendarResource(string Scope, string TimeZone, IReadOnlyList<ShiftInput> Shifts, IReadOnlyList<DateOnly> Holidays,
    IReadOnlyList<PlannedStopInput> PlannedStops)
{
    public static ShiftCalendarResource Of(ShiftCalendar calendar)
    {
        var input = ShiftCalendarInput.Of(calendar);
        return new(calendar.Scope, input.TimeZone!, input.Shifts!, input.Holidays!, input.PlannedStops!);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Infrastructure.Audit;

namespace PharmaMes.Web.Tests.Performance;

/// <summary>Supervisors set a line's shift calendar over the API, with a reason the audit trail keeps; OEE then follows it.</summary>
public class ShiftCalendarEditing(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private static object TwoShifts(string zone = "Europe/Berlin") => new
    {
        timeZone = zone,
        shifts = new object[]
        {
            new { name = "Morning", start = "06:00", hours = 8, days = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }, breaks = new[] { new { afterHours = 4, minutes = 30 } } },
            new { name = "Afternoon", start = "14:00", hours = 8 },
        },
        holidays = new[] { "2026-12-25" },
    };

    [Fact]
    public async Task ASupervisorSetsTheCalendarWithAReasonAndTheOeeFollowsIt()
    {
        var supervisor = await factory.SignedInAsync("supervisor");

        var put = await supervisor.PutAsJsonAsync("/api/v1/shift-calendars/FILL-L1?reason=Two-shift%20operation%20from%20January", TwoShifts());
        var read = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/shift-calendars/fill-l1");
        var oee = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/lines/FILL-L1/oee?from=2026-11-30T00:00:00Z&to=2026-12-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(("FILL-L1", "Europe/Berlin"), (read.GetProperty("scope").GetString(), read.GetProperty("timeZone").GetString()));
        Assert.Equal(["Morning", "Afternoon"], read.GetProperty("shifts").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(0.5, read.GetProperty("shifts")[0].GetProperty("breaks")[0].GetProperty("minutes").GetDouble() / 60);
        // Monday 30 November: 7.5 h + 8 h planned, for the one unit of the filling line.
        Assert.Equal(15.5 * 3600, oee.GetProperty("plannedSeconds").GetDouble(), 3);
        Assert.Equal(["Morning", "Afternoon"], oee.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var trail = factory.Services.GetRequiredService<AuditTrailService>();
        var entries = await trail.FindAsync(new AuditFilter(EntityType: "ShiftCalendar"), 1, 10);
        Assert.Contains(entries.Entries, e => e.Reason == "Two-shift operation from January" && e.UserName == "supervisor");
    }

    [Fact]
    public async Task NoReasonABadTimeZoneOrTheWrongRoleIsRefused()
    {
        var supervisor = await factory.SignedInAsync("supervisor");
        var operatorClient = await factory.SignedInAsync("operator");

        var noReason = await supervisor.PutAsJsonAsync("/api/v1/shift-calendars/BIO-L1", TwoShifts());
        var badZone = await supervisor.PutAsJsonAsync("/api/v1/shift-calendars/BIO-L1?reason=test", TwoShifts("Mars/Olympus"));
        var noLine = await supervisor.PutAsJsonAsync("/api/v1/shift-calendars/NO-LINE?reason=test", TwoShifts());
        var asOperator = await operatorClient.PutAsJsonAsync("/api/v1/shift-calendars/BIO-L1?reason=test", TwoShifts());
        var none = await supervisor.GetAsync("/api/v1/shift-calendars/BIO-L1");

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badZone.StatusCode);
        Assert.Contains("not a time zone", await badZone.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noLine.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asOperator.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }
}

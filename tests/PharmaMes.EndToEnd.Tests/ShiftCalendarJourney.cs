using System.Text.Json;
using Microsoft.Playwright;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// A supervisor gives the filling line (planned around the clock in the demo) three shifts on a 1024×768 tablet: the week
/// picture shows them before saving, a change without a reason is refused, the saved calendar is what the API answers.
/// </summary>
public class ShiftCalendarJourney(LivePlantApp app, Chromium chromium) : IClassFixture<LivePlantApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task ASupervisorGivesTheLineThreeShiftsAndTheWeekShowsThem()
    {
        var page = await chromium.SignInAsync(app, "supervisor");
        await page.SetViewportSizeAsync(1024, 768);
        await page.GotoAsync(new Uri(app.BaseAddress, "/performance/FILL-L1").ToString());
        Assert.Equal("/performance/FILL-L1/calendar", await page.Locator("[data-action=calendar]").GetAttributeAsync("href"));
        await page.GotoAsync(new Uri(app.BaseAddress, "/performance/FILL-L1/calendar").ToString());
        // The buttons work once the page is live (its circuit connected), not while it is only prerendered.
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        Assert.Equal("No calendar: planned around the clock", await page.Locator("#week-title").TextContentAsync());
        Assert.Equal(0, await page.Locator("[data-testid=shift-week] .mes-shift-block").CountAsync());

        await page.Locator("[data-action=edit]").ClickAsync();
        await page.Locator("[data-action=three-shifts]").ClickAsync();
        // The night shift does not start on Sunday: Sunday night is free.
        await page.Locator("[data-shift-row='2'] button[data-day=Sunday]").ClickAsync();
        await Expect(page.Locator("[data-shift-row='2'] button[data-day=Sunday]")).ToHaveAttributeAsync("aria-pressed", "false");
        // Before saving, the picture shows the edit: Monday has Early and Late in two pieces each (the break) and the night from Sunday is gone.
        var monday = page.Locator(".mes-shift-week-row[data-day=Monday] .mes-shift-block");
        Assert.Equal(["Early", "Early", "Late", "Late", "Night"], await monday.EvaluateAllAsync<string[]>("blocks => blocks.map(b => b.dataset.shift)"));
        await Screenshots.SaveAsync(page, "shift-calendar-editing", fullPage: true);

        await page.Locator("[data-action=save]").ClickAsync();
        await Expect(page.Locator("[data-outcome]")).ToContainTextAsync("Say why the calendar changes");

        await page.Locator("[data-field=reason]").FillAsync("Three-shift operation");
        await page.Locator("[data-action=save]").ClickAsync();
        await Expect(page.Locator("[data-outcome]")).ToContainTextAsync("Calendar of FILL-L1 saved");
        Assert.Equal("The week of FILL-L1", await page.Locator("#week-title").TextContentAsync());
        // Six nights of three pieces: 22:00 – 24:00, then 00:00 – 02:00 and 02:30 – 06:00 on the next day's row.
        Assert.Equal(18, await page.Locator("[data-testid=shift-week] .mes-shift-block[data-shift=Night]").CountAsync());
        await Screenshots.SaveAsync(page, "shift-calendar", fullPage: true);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 1024, $"no sideways scrolling at 1024 px, got {scrollWidth}");

        var response = await page.Context.APIRequest.GetAsync(new Uri(app.BaseAddress, "/api/v1/shift-calendars/FILL-L1").ToString());
        using var calendar = JsonDocument.Parse(await response.TextAsync());
        var shifts = calendar.RootElement.GetProperty("shifts").EnumerateArray().ToList();
        Assert.Equal(["Early", "Late", "Night"], shifts.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"], shifts[2].GetProperty("days").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(4, shifts[0].GetProperty("breaks")[0].GetProperty("afterHours").GetDouble());
    }

    [Fact]
    public async Task AnOperatorSeesTheCalendarButCannotChangeIt()
    {
        var page = await chromium.SignInAsync(app, "operator");
        await page.GotoAsync(new Uri(app.BaseAddress, "/performance/OSD-L1/calendar").ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();

        Assert.Equal("The week of OSD-L1", await page.Locator("#week-title").TextContentAsync());
        // The demo tablet line: three shifts every day, each in two pieces around its break.
        Assert.Equal(2, await page.Locator(".mes-shift-week-row[data-day=Wednesday] .mes-shift-block[data-shift=Early]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-action=edit]").CountAsync());
        Assert.Contains("Supervisors and administrators change the calendar", await page.ContentAsync());
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}

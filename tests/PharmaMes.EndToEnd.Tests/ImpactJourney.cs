using System.Globalization;
using Microsoft.Playwright;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>The demo plant, where a press that goes Down is expected back only the next day.</summary>
public sealed class LongRepairApp : LivePlantApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Planning:ExpectedRepairMinutes"] = "1440" };
}

/// <summary>
/// The demo's first press goes Down while the planner watches the board on a tablet: the board names the disturbance,
/// the batch it held and the orders it moves, shows the proposal on the Gantt, and the planner accepts it with a reason.
/// </summary>
public class ImpactJourney(LongRepairApp app, Chromium chromium) : IClassFixture<LongRepairApp>, IClassFixture<Chromium>
{
    private const string Press = "mes/PLANT1/OSD/OSD-L1/TP-01";

    [Fact]
    public async Task APressGoingDownShowsTheProposalOnTheBoardAndThePlannerAcceptsIt()
    {
        var page = await chromium.SignInAsync(app, "planner");
        await page.SetViewportSizeAsync(1024, 768);
        await page.GotoAsync(new Uri(app.BaseAddress, "/planning").ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        // The demo plans itself a few seconds after start.
        await page.Locator("[data-gantt-row] [data-operation]").First.WaitForAsync(new() { Timeout = 30_000 });

        await using (var device = await DeviceClient.ConnectAsync(app.BrokerPort))
        {
            var ts = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            await device.PublishAsync($"{Press}/state", $"{{\"ts\":\"{ts}\",\"state\":\"Down\",\"reason\":\"Punch tip broken\"}}");
        }

        var notice = page.Locator("[data-impact]");
        await Expect(notice).ToContainTextAsync("TP-01 is Down: Punch tip broken", new() { Timeout = 15_000 });
        await Expect(notice).ToContainTextAsync("held:");
        // Every compression of the next day moves to the second press.
        Assert.True(await notice.Locator("[data-impact-order]").CountAsync() > 0);
        await Expect(notice.Locator("[data-testid=impact-moves]")).ToContainTextAsync("TP-01 → TP-02");
        await Expect(page.Locator("[data-action=plan-now]")).ToBeDisabledAsync();
        await Screenshots.SaveAsync(page, "planning-impact", fullPage: true);

        await notice.Locator("[data-action=preview-impact]").ClickAsync();
        await Expect(page.Locator("[data-testid=schedule-summary]")).ToContainTextAsync("The proposal of");
        // In the proposal nothing is planned on the failed press before it is expected back.
        await Screenshots.SaveAsync(page, "planning-impact-proposal");

        await notice.Locator("[data-action=accept-impact]").ClickAsync();
        await Expect(notice.Locator(".validation-message")).ToContainTextAsync("Say why");
        await notice.Locator("[data-field=impact-reason]").FillAsync("Second press is free; the rush order keeps its date");
        await notice.Locator("[data-action=accept-impact]").ClickAsync();

        await Expect(page.Locator(".mes-outcome")).ToContainTextAsync("The new schedule is in force");
        await Expect(page.Locator("[data-impact]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-action=plan-now]")).ToBeEnabledAsync();
        await Screenshots.SaveAsync(page, "planning-impact-accepted");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}

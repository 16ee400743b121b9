using System.Globalization;
using Microsoft.Playwright;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>The demo plant where a stop of 5 s already waits for a reason, so the test need not wait two minutes.</summary>
public sealed class QuickStopsApp : LivePlantApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Performance:SmallStopSeconds"] = "5" };
}

/// <summary>
/// The vial filler stops without saying why (Idle, no reason). Its tile on the dashboard asks for the reason; the operator touches it,
/// gives the reason on the equipment's page in one touch, and the stop leaves the operator's work queue.
/// </summary>
public class StopReasonJourney(QuickStopsApp app, Chromium chromium) : IClassFixture<QuickStopsApp>, IClassFixture<Chromium>
{
    private const string Filler = "mes/PLANT1/BIO/FILL-L1/FILL-01";

    private static string Ts(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheTileAsksForTheReasonAndOneTouchOnTheEquipmentPageGivesIt()
    {
        var now = DateTimeOffset.UtcNow;
        await using (var device = await DeviceClient.ConnectAsync(app.BrokerPort))
        {
            // The demo opens with the filler Idle: it runs, then stops without a reason (a device gives none for Idle).
            await device.PublishAsync($"{Filler}/state", $"{{\"ts\":\"{Ts(now)}\",\"state\":\"Running\",\"reason\":null}}");
            await device.PublishAsync($"{Filler}/state", $"{{\"ts\":\"{Ts(now.AddMilliseconds(500))}\",\"state\":\"Idle\",\"reason\":null}}");
        }

        var page = await chromium.SignInAsync(app, "operator");
        await page.SetViewportSizeAsync(1024, 768);
        await page.GotoAsync(app.BaseAddress.ToString());
        // The prerendered page is replaced when it turns interactive: wait for that, or the element found may be gone.
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        var ask = page.Locator("[data-equipment='FILL-01'] [data-reasons-waiting]");
        // The stop waits once it has lasted 5 s; the tiles' count is at most 15 s old.
        await ask.WaitForAsync(new() { Timeout = 45_000 });
        await ask.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "dashboard-stop-waits-for-reason");
        Assert.Contains("1 stop waits for a reason", await ask.TextContentAsync());

        await page.Locator("a[data-equipment='FILL-01']").ClickAsync();
        await page.WaitForURLAsync("**/equipment/FILL-01");
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        var stop = page.Locator("[data-testid=unexplained-stops] li[data-stop]");
        await stop.First.WaitForAsync();
        Assert.Equal(1, await stop.CountAsync());
        Assert.Contains("(still stopped)", await stop.TextContentAsync());
        await Screenshots.SaveAsync(page, "equipment-stop-reason");
        var reason = stop.Locator("button[data-reason]").First;
        var path = await reason.GetAttributeAsync("data-reason");
        await reason.ClickAsync();

        await Expect(page.Locator("[data-outcome]")).ToContainTextAsync($"Reason recorded: {path}.");
        await page.GotoAsync(new Uri(app.BaseAddress, "/work").ToString());
        await page.Locator("[data-section=stop-reasons] [data-testid=unexplained-stops]").WaitForAsync();
        await Screenshots.SaveAsync(page, "work-queue-stop-reasons", fullPage: true);
        Assert.Equal(0, await page.Locator("[data-section=stop-reasons] li[data-stop]", new() { HasText = "FILL-01" }).CountAsync());
        await page.GotoAsync(app.BaseAddress.ToString());
        await page.Locator("a[data-equipment='FILL-01']").WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-equipment='FILL-01'] [data-reasons-waiting]").CountAsync());
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}

using System.Globalization;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>An operator watches the dashboard while devices publish: the screen follows within a second or two.</summary>
public class LiveDashboardJourney(LivePlantApp app, Chromium chromium) : IClassFixture<LivePlantApp>, IClassFixture<Chromium>
{
    private const string Press = "mes/PLANT1/OSD/OSD-L1/TP-01";

    private static string Now => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheDashboardShowsNewValuesAndAFaultAsTheyArePublished()
    {
        var page = await chromium.SignInAsync(app, "operator");
        // An operator starts on the work queue; the dashboard is one tap away.
        await page.ClickAsync("a[href='/']");
        var tile = page.Locator("[data-equipment='TP-01']");
        await tile.WaitForAsync();
        Assert.Equal("Running", await tile.GetAttributeAsync("data-state"));

        await using var device = await DeviceClient.ConnectAsync(app.BrokerPort);
        for (var i = 0; i < 5; i++)
        {
            await device.PublishAsync($"{Press}/telemetry", $"{{\"ts\":\"{Now}\",\"values\":{{\"speed\":{3000 + i * 10},\"compression_force\":{15.2 + i * 0.1},\"tablet_weight\":500.4}}}}");
            await Task.Delay(200);
        }
        // A compression force past its 20 kN alarm limit shows as an alarm on the tile.
        await device.PublishAsync($"{Press}/telemetry", $"{{\"ts\":\"{Now}\",\"values\":{{\"speed\":3050,\"compression_force\":21.7,\"tablet_weight\":500.1}}}}");
        await page.Locator("[data-equipment='TP-01'] dd.mes-tag-alarm[data-tag='compression_force']").WaitForAsync(new() { Timeout = 60_000 });
        await Screenshots.SaveAsync(page, "dashboard-live-values", fullPage: true);

        await device.PublishAsync($"{Press}/state", $"{{\"ts\":\"{Now}\",\"state\":\"Down\",\"reason\":\"Punch breakage at station 12\"}}");
        await page.Locator("[data-down='TP-01']").WaitForAsync(new() { Timeout = 60_000 });
        await Screenshots.SaveAsync(page, "dashboard-equipment-down", fullPage: true);

        Assert.Equal("Down", await tile.GetAttributeAsync("data-state"));
        Assert.Contains("Punch breakage at station 12", await page.Locator("[data-down='TP-01']").TextContentAsync());
        Assert.Contains("21.70", await page.Locator("[data-equipment='TP-01'] [data-tag='compression_force']").TextContentAsync());
    }
}

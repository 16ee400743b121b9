using PharmaMes.Testing;
using static PharmaMes.Testing.SparkplugEdgeNodeProcess;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// A gateway speaking Sparkplug B (Cirrus Link's sparkplug-client) is pointed at the MES's embedded
/// broker with no configuration: its device's metrics show on the operator's dashboard as the press's
/// values, an alarm limit still applies, and the device's death shows the press Offline.
/// </summary>
public class SparkplugDashboardJourney(LivePlantApp app, Chromium chromium) : IClassFixture<LivePlantApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task ASparkplugEdgeNodesDeviceShowsOnTheDashboardAsItsEquipment()
    {
        var page = await chromium.SignInAsync(app, "operator");
        await page.ClickAsync("a[href='/']");
        var tile = page.Locator("[data-equipment='TP-01']");
        await tile.WaitForAsync();

        await using var edgeNode = Start("--broker", $"mqtt://127.0.0.1:{app.BrokerPort}", "--group", "PLANT1", "--edge-node", "OSD-L1",
            "--device", "TP-01", "--metric", "speed=3210:tablets/min", "--metric", "compression_force=18.35:kN",
            "--metric", "tablet_weight=499.8:mg", "--host-id", "pharmames");
        await edgeNode.WaitForAsync(e => Is(e, "born"));
        await page.Locator("[data-equipment='TP-01'] [data-tag='compression_force']:has-text('18.35')").WaitForAsync(new() { Timeout = 60_000 });

        // Past its 20 kN alarm limit, as from any device.
        await edgeNode.SendAsync(new { ddata = "TP-01", values = new { compression_force = 21.65, speed = 3190.0 } });
        await page.Locator("[data-equipment='TP-01'] dd.mes-tag-alarm[data-tag='compression_force']").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Contains("21.65", await page.Locator("[data-equipment='TP-01'] [data-tag='compression_force']").TextContentAsync());
        await Screenshots.SaveAsync(page, "dashboard-sparkplug-values", fullPage: true);

        await edgeNode.SendAsync(new { ddeath = "TP-01" });
        await page.Locator("[data-equipment='TP-01'][data-state='Offline']").WaitForAsync(new() { Timeout = 60_000 });
        await Screenshots.SaveAsync(page, "dashboard-sparkplug-offline", fullPage: true);
    }
}

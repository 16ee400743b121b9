using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// A new site from nothing, as the README's Production section tells it: the <c>users add-admin</c>
/// command creates the first administrator, who signs in in Chromium, builds a plant on /admin/plant
/// on a 1024×768 tablet and issues the device account there, and a real <c>mosquitto_pub</c> with
/// that account puts a value on the new equipment.
/// </summary>
public class NewSiteJourney(NewSiteApp app, Chromium chromium) : IClassFixture<NewSiteApp>, IClassFixture<Chromium>
{
    private const string MosquittoPub = "/usr/bin/mosquitto_pub";

    private async Task<IPage> SignInOnTabletAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1024, Height = 768 } });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/account/login").ToString());
        await page.FillAsync("#username", NewSiteApp.AdminName);
        await page.FillAsync("#password", NewSiteApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        await Screenshots.SaveAsync(page, "first-admin-signed-in");
        Assert.Equal(NewSiteApp.AdminFullName, (await page.Locator(".mes-user-name").TextContentAsync())?.Trim());
        await page.GotoAsync(new Uri(app.BaseAddress, "/admin/plant").ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        await page.Locator("[data-testid=plant-tree]").WaitForAsync();
        return page;
    }

    private static async Task SaveAsync(IPage page, string reason, string saved)
    {
        await page.FillAsync("#plant-reason", reason);
        await page.ClickAsync("[data-testid=plant-save]");
        await page.Locator("[data-testid=plant-saved]", new() { HasText = saved }).WaitForAsync();
    }

    private static async Task AddNodeAsync(IPage page, string button, string code, string name, string saved)
    {
        await page.ClickAsync($"[data-testid={button}]");
        await page.FillAsync("#plant-code", code);
        await page.FillAsync("#plant-name", name);
        await SaveAsync(page, "Commissioning per CC-2026-114", saved);
    }

    private static async Task<bool> HasHorizontalScrollAsync(IPage page) =>
        await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");

    [Fact]
    public async Task TheCommandsAdministratorBuildsAPlantFromNothingAndADeviceOfItsNewEquipmentIsHeard()
    {
        Assert.True(File.Exists(MosquittoPub), $"{MosquittoPub} is not installed (apt-get install mosquitto-clients).");
        // The command said whom it created and never echoed the password.
        Assert.Contains(NewSiteApp.AdminName, app.FirstAdministrator.Output);
        Assert.DoesNotContain(NewSiteApp.AdminPassword, app.FirstAdministrator.Output + app.FirstAdministrator.Error);
        var page = await SignInOnTabletAsync();
        // Nothing of the demo: the plant is empty until the administrator describes it.
        Assert.Equal(0, await page.Locator("[data-node]").CountAsync());

        await AddNodeAsync(page, "add-site", "ZRH", "Zurich", "Site ZRH added.");
        await AddNodeAsync(page, "add-area", "PACK", "Packaging", "Area PACK added.");
        await AddNodeAsync(page, "add-line", "PACK-L1", "Packaging line 1", "Line PACK-L1 added.");

        // A code that would break the MQTT topics is refused next to its field, and nothing is saved.
        await page.ClickAsync("[data-testid=add-equipment]");
        await page.FillAsync("#plant-code", "BLP 01/A");
        await page.FillAsync("#plant-name", "Blister packer 1");
        await page.SelectOptionAsync("#plant-class", "BlisterPacker");
        await page.FillAsync("#plant-clean", "72");
        await page.FillAsync("#plant-calibration", "180");
        await page.FillAsync("#plant-reason", "Commissioning per CC-2026-114");
        await page.ClickAsync("[data-testid=plant-save]");
        await page.Locator("[data-field=code]", new() { HasText = "may hold only letters, digits" }).WaitForAsync();
        await Screenshots.SaveAsync(page, "plant-equipment-code-refused");
        Assert.Equal(0, await page.Locator("[data-node='BLP 01/A']").CountAsync());

        await page.FillAsync("#plant-code", "BLP-01");
        // Its ideal rate, and a slower one for the product in large blisters.
        await page.FillAsync("#plant-ideal-rate", "400");
        await page.ClickAsync("[data-action=add-product-rate]");
        await page.FillAsync("#plant-product-0", "fg-para-1000");
        await page.FillAsync("#plant-product-rate-0", "300");
        await Screenshots.SaveAsync(page, "plant-equipment-product-rates");
        await SaveAsync(page, "Commissioning per CC-2026-114", "Equipment BLP-01 added.");
        await Expect(page.Locator("[data-product-rates]")).ToHaveTextAsync("FG-PARA-1000 300 a minute");

        // Alarm limits that do not enclose the normal range are refused next to the limits.
        await page.ClickAsync("[data-testid=add-tag]");
        await page.FillAsync("#tag-name", "seal_temperature");
        await page.FillAsync("#tag-description", "Sealing temperature");
        await page.FillAsync("#tag-unit", "°C");
        await page.FillAsync("#tag-alarm-low", "152");
        await page.FillAsync("#tag-normal-low", "150");
        await page.FillAsync("#tag-normal-high", "160");
        await page.FillAsync("#tag-alarm-high", "170");
        await page.FillAsync("#plant-reason", "Commissioning per CC-2026-114");
        await page.ClickAsync("[data-testid=plant-save]");
        await page.Locator("[data-field=limits]", new() { HasText = "must enclose its normal range" }).WaitForAsync();
        await Screenshots.SaveAsync(page, "plant-tag-limits-refused");
        await page.FillAsync("#tag-alarm-low", "140");
        await SaveAsync(page, "Commissioning per CC-2026-114", "Tag seal_temperature added.");

        await page.ClickAsync("[data-testid=issue-device]");
        var password = (await page.Locator("[data-testid=issued-password]").TextContentAsync())!.Trim();
        var command = (await page.Locator("[data-testid=mosquitto-pub]").TextContentAsync())!;
        await Screenshots.SaveAsync(page, "plant-equipment-device", fullPage: true);
        Assert.Contains("-t 'mes/ZRH/PACK/PACK-L1/BLP-01/telemetry'", command);
        Assert.Contains("-m '{\"values\":{\"seal_temperature\":155}}'", command);
        Assert.Contains($"-P '{password}'", command);
        Assert.False(await HasHorizontalScrollAsync(page), "The plant page scrolls sideways at 1024×768.");

        // The device publishes exactly the line the page offers.
        var publish = Process.Start(new ProcessStartInfo(MosquittoPub)
        {
            ArgumentList = { "-h", "127.0.0.1", "-p", app.BrokerPort.ToString(), "-V", "mqttv5", "-q", "1", "-i", "blp-01-device",
                "-u", "blp-01-device", "-P", password, "-t", "mes/ZRH/PACK/PACK-L1/BLP-01/telemetry", "-m", "{\"values\":{\"seal_temperature\":156.5}}" },
            RedirectStandardError = true,
        })!;
        await publish.WaitForExitAsync();
        Assert.True(publish.ExitCode == 0, await publish.StandardError.ReadToEndAsync());

        await page.GotoAsync(new Uri(app.BaseAddress, "/equipment/BLP-01").ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        JsonElement equipment = default;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            // The browser's own session reads the API, as the signed-in administrator.
            var response = await page.APIRequest.GetAsync(new Uri(app.BaseAddress, "/api/v1/equipment/BLP-01").ToString());
            Assert.True(response.Ok, $"GET /api/v1/equipment/BLP-01 answered {response.Status}");
            equipment = (await response.JsonAsync())!.Value;
            if (equipment.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Object && values.TryGetProperty("seal_temperature", out _))
                break;
            await Task.Delay(200);
        }
        Assert.Equal(156.5, equipment.GetProperty("values").GetProperty("seal_temperature").GetProperty("value").GetDouble());
        await Screenshots.SaveAsync(page, "plant-equipment-live");

        // The packer's data also comes through a Sparkplug gateway whose names cannot change: its address and metric name.
        await page.GotoAsync(new Uri(app.BaseAddress, "/admin/plant").ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        await page.ClickAsync("[data-node=BLP-01]");
        await Expect(page.Locator("[data-sparkplug-address]")).ToHaveTextAsync("ZRH/PACK-L1/BLP-01 (site/line/equipment code)");
        await page.ClickAsync("[data-testid=equipment-settings]");
        await Expect(page.Locator("[data-testid=sparkplug-address]")).ToContainTextAsync("Leave empty to use site/line/equipment code");
        await page.FillAsync("#sparkplug-group", "Gateway/A");
        await page.FillAsync("#sparkplug-edge-node", "PLC-7");
        await page.FillAsync("#plant-reason", "Gateway GW-7 per CC-2026-201");
        await page.ClickAsync("[data-testid=plant-save]");
        await page.Locator("[data-field=sparkplug]", new() { HasText = "all three" }).WaitForAsync();
        await page.FillAsync("#sparkplug-device", "Packer1");
        await page.ClickAsync("[data-testid=plant-save]");
        await page.Locator("[data-field=sparkplug]", new() { HasText = "never '/'" }).WaitForAsync();
        await Screenshots.SaveAsync(page, "plant-equipment-sparkplug-refused");
        await page.FillAsync("#sparkplug-group", "Gateway_A");
        await SaveAsync(page, "Gateway GW-7 per CC-2026-201", "Settings saved.");
        await Expect(page.Locator("[data-sparkplug-address]")).ToHaveTextAsync("Gateway_A/PLC-7/Packer1");
        await page.ClickAsync("tr[data-tag=seal_temperature] button");
        await page.FillAsync("#tag-sparkplug-metric", "Sealing/Temperature");
        await SaveAsync(page, "Gateway GW-7 per CC-2026-201", "Tag seal_temperature saved.");
        await Expect(page.Locator("tr[data-tag=seal_temperature] [data-sparkplug-metric]")).ToContainTextAsync("Sealing/Temperature");
        await Screenshots.SaveAsync(page, "plant-equipment-sparkplug", fullPage: true);
        Assert.False(await HasHorizontalScrollAsync(page), "The plant page scrolls sideways at 1024×768.");

        // The packer is replaced: retired with its reason, never deleted, and its logbook says who retired it.
        await page.GotoAsync(new Uri(app.BaseAddress, "/admin/plant").ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        await page.ClickAsync("[data-node=BLP-01]");
        await page.ClickAsync("[data-testid=retire]");
        await SaveAsync(page, "Replaced by BLP-02 per CC-2026-131", "BLP-01 retired.");
        await page.Locator("[data-node=BLP-01]", new() { HasText = "(retired)" }).WaitForAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/equipment/BLP-01/logbook?kind=Retirement").ToString());
        var retirement = page.Locator("[data-testid=logbook] tr[data-kind=Retirement]");
        await retirement.WaitForAsync();
        Assert.Contains("Replaced by BLP-02 per CC-2026-131", await retirement.TextContentAsync());
        Assert.Contains(NewSiteApp.AdminName, await retirement.TextContentAsync());
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}

using System.Globalization;
using Microsoft.Playwright;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Infrastructure.Materials;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>The plant overview follows the plant as it changes, without a reload: a fault from a device and a lot received at the dock.</summary>
public class PlantOverviewJourney(LivePlantApp app, Chromium chromium) : IClassFixture<LivePlantApp>, IClassFixture<Chromium>
{
    private const string Bioreactor = "mes/PLANT1/BIO/BIO-L1/BR-01";

    private static string Now => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AFaultAndAReceivedLotAppearWithinSecondsWithoutAReload()
    {
        var page = await chromium.SignInAsync(app, "planner");
        await page.SetViewportSizeAsync(1024, 768);
        await page.GotoAsync(new Uri(app.BaseAddress, "/plant").ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        await page.Locator("[data-equipment='BR-01']").WaitForAsync();
        var quarantine = page.Locator("tr[data-material='API-PARA'] td[data-status='Quarantine']");
        var before = await quarantine.TextContentAsync();
        // A marker on the document: a reload would drop it.
        await page.EvaluateAsync("window.mesNotReloaded = true");

        await using (var device = await DeviceClient.ConnectAsync(app.BrokerPort))
            await device.PublishAsync($"{Bioreactor}/state", $"{{\"ts\":\"{Now}\",\"state\":\"Down\",\"reason\":\"Agitator seal leak\"}}");
        var banner = page.Locator("[data-down='BR-01']");
        await banner.WaitForAsync(new() { Timeout = 10_000 });

        await app.Services.GetRequiredService<LotReceiving>().ReceiveAsync(
            new LotReceipt("API-PARA", "PARA-LIVE-0001", 250m, "kg", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(2), "SUP-LIVE"),
            await ShopFloorSetup.PersonAsync(app.Services, "planner"));
        await Expect(quarantine).Not.ToHaveTextAsync(before ?? "", new() { Timeout = 10_000 });
        await Screenshots.SaveAsync(page, "plant-overview-live-1024", fullPage: false);

        Assert.Contains("Agitator seal leak", await banner.TextContentAsync());
        Assert.Contains("mes-equipment-down", await page.Locator("article[data-equipment='BR-01']").GetAttributeAsync("class"));
        Assert.True(await page.EvaluateAsync<bool>("window.mesNotReloaded === true"), "The page was reloaded instead of following the events.");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}

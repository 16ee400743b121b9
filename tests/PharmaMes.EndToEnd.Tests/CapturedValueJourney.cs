using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Recipes;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// A process parameter the coater reports over MQTT is captured at the terminal with one tap, not typed:
/// the record shows the reading's value, tag and time.
/// </summary>
public class CapturedValueJourney(LivePlantApp app, Chromium chromium) : IClassFixture<LivePlantApp>, IClassFixture<Chromium>
{
    private const string Product = "FG-E2E-CAPT";
    private const string Coater = "mes/PLANT1/OSD/OSD-L1/COAT-01";

    [Fact]
    public async Task AnOperatorCapturesTheInletAirTemperatureTheCoaterReported()
    {
        await ShopFloorSetup.EnsureApprovedRecipeAsync(app.Services, Product, "End-to-end coated tablets", 1_000m, recipe =>
        {
            recipe.AddStep("Coating", "Coat the cores to a 3 % weight gain.", EquipmentClass.Coater);
            recipe.AddParameter(1, "Inlet air temperature", new UnitOfMeasure("°C"), 60, new ValueRange(55, 65));
            recipe.CaptureParameter(1, "Inlet air temperature", new TagName("inlet_air_temperature"), CaptureMode.AtRecording);
        });
        await ShopFloorSetup.EnsureCleanAsync(app.Services, "COAT-01", LivePlantApp.Password);
        var number = await ShopFloorSetup.NewBatchAsync(app.Services, Product, 1_000m);

        var page = await chromium.SignInAsync(app, "operator");
        await page.GotoAsync(new Uri(app.BaseAddress, $"/batches/{number}/execute").ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        await page.ClickAsync("[data-action=start-batch]");
        await page.Locator("[data-action=start-step]:not([disabled])").WaitForAsync();
        await page.ClickAsync("[data-action=start-step]");
        var row = page.Locator("tr[data-value='Inlet air temperature']");
        await row.Locator("[data-action=capture]").WaitForAsync();

        // The coater reports its inlet air temperature; the MES stores the reading.
        var at = DateTimeOffset.UtcNow;
        await using (var device = await DeviceClient.ConnectAsync(app.BrokerPort))
            await device.PublishAsync($"{Coater}/telemetry",
                $"{{\"ts\":\"{at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}\",\"values\":{{\"inlet_air_temperature\":61.3,\"pan_speed\":9,\"spray_rate\":150}}}}");
        await StoredAsync(at);
        await Screenshots.SaveAsync(page, "batch-value-to-capture", fullPage: false);

        await row.Locator("[data-action=capture]").ClickAsync();
        await row.Locator("[data-recorded]").WaitForAsync();
        await Screenshots.SaveAsync(page, "batch-value-captured", fullPage: false);
        var recorded = (await row.Locator("[data-recorded]").TextContentAsync())?.Trim();

        await page.GotoAsync(new Uri(app.BaseAddress, $"/batches/{number}/record").ToString());
        var entry = page.Locator("tr[data-entry]").Filter(new() { HasText = "Captured from COAT-01 inlet_air_temperature" });
        await entry.WaitForAsync();

        Assert.Equal("61.3 °C", recorded);
        Assert.Contains("61.3 °C", await entry.TextContentAsync());
        Assert.Contains($"reading of {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC", await entry.TextContentAsync());
    }

    /// <summary>Waits until the ingest has stored the coater's reading (it writes in batches, a moment after the broker).</summary>
    private async Task StoredAsync(DateTimeOffset at)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<MesDbContext>>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = await contexts.CreateDbContextAsync();
            if (await db.TelemetrySamples.AnyAsync(s => s.Channel!.Tag == "inlet_air_temperature" && s.Value == 61.3 && s.Time >= at.AddSeconds(-1)))
                return;
            await Task.Delay(100);
        }
        throw new TimeoutException("The coater's reading was not stored within 30 s.");
    }
}

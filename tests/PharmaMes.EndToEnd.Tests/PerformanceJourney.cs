using System.Globalization;
using Microsoft.Playwright;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// A supervisor reads the filling line's OEE while the vial filler reports its state and counters over MQTT. The filling
/// line has no shift calendar (planned around the clock), so the test does not depend on the hour it runs at: the tablet
/// line's breaks are not planned time, and counts made in one would not count.
/// </summary>
public class PerformanceJourney(LivePlantApp app, Chromium chromium) : IClassFixture<LivePlantApp>, IClassFixture<Chromium>
{
    private const string Filler = "mes/PLANT1/BIO/FILL-L1/FILL-01";

    private static string Ts(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheLinePageShowsOeeTilesEachUnitsFiguresTheParetoAndTheWaterfall()
    {
        var now = DateTimeOffset.UtcNow;
        await using (var device = await DeviceClient.ConnectAsync(app.BrokerPort))
        {
            // The demo opens with the filler Idle: it starts running.
            await device.PublishAsync($"{Filler}/state", $"{{\"ts\":\"{Ts(now.AddSeconds(-40))}\",\"state\":\"Running\",\"reason\":null}}");
            await device.PublishAsync($"{Filler}/counts", $"{{\"ts\":\"{Ts(now.AddSeconds(-30))}\",\"good\":1000,\"reject\":10}}");
            await device.PublishAsync($"{Filler}/counts", $"{{\"ts\":\"{Ts(now.AddSeconds(-20))}\",\"good\":1060,\"reject\":12}}");
            await device.PublishAsync($"{Filler}/counts", $"{{\"ts\":\"{Ts(now.AddSeconds(-10))}\",\"good\":1120,\"reject\":13}}");
        }

        var page = await chromium.SignInAsync(app, "supervisor");
        await page.SetViewportSizeAsync(1024, 768);
        var filler = page.Locator("tr[data-unit='FILL-01']");
        // The ingest stores the counts a moment after the broker: read the page until they show.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await page.GotoAsync(new Uri(app.BaseAddress, "/performance/FILL-L1?period=day").ToString());
            await page.Locator("[data-testid=oee-summary]").WaitForAsync();
            if ((await filler.Locator("[data-label=Counted]").TextContentAsync())?.Trim() == "123"
                && (await filler.Locator("[data-label=Performance]").TextContentAsync())?.Trim() != "–")
                break;
            await Task.Delay(500);
        }
        await Screenshots.SaveAsync(page, "performance-line", fullPage: true);

        Assert.Equal("123", (await filler.Locator("[data-label=Counted]").TextContentAsync())?.Trim());
        // 123 vials at 400 a minute took 18.5 s of the filler's running time since it started.
        Assert.EndsWith("%", (await filler.Locator("[data-label=Performance]").TextContentAsync())?.Trim());
        Assert.Equal(4, await page.Locator("[data-oee-figure]").CountAsync());
        // The site above the line: its OEE, and each of its three lines'.
        Assert.Contains("Site Demo pharmaceutical site", await page.Locator("[data-testid=site-oee]").TextContentAsync());
        Assert.Equal(3, await page.Locator("[data-site-line]").CountAsync());
        Assert.Equal("Availability", await page.Locator("[data-oee-figure=Availability] .mes-oee-label").TextContentAsync());
        Assert.Equal(8, await page.Locator("[data-testid=loss-waterfall] tr").CountAsync());
        Assert.True(await page.Locator("[data-testid=loss-pareto] tr[data-loss]").CountAsync() > 0, "the demo's stops show in the Pareto");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 1024, $"no sideways scrolling at 1024 px, got {scrollWidth}");
    }
}

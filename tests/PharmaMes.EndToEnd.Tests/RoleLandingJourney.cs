using Microsoft.Playwright;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>Each role signs in at a 1024×768 tablet and starts on its own page, which fits the screen.</summary>
public class RoleLandingJourney(LivePlantApp app, Chromium chromium) : IClassFixture<LivePlantApp>, IClassFixture<Chromium>
{
    [Theory]
    [InlineData("operator", "/work", "[data-section=to-do]")]
    [InlineData("supervisor", "/work", "[data-section=to-verify]")]
    [InlineData("qa", "/review", "[data-section=to-review]")]
    [InlineData("planner", "/batches", "#orders-title")]
    [InlineData("maintenance", "/maintenance", "[data-section=work-orders]")]
    [InlineData("admin", "/admin/plant", "h1")]
    public async Task EachRoleStartsOnItsOwnPage(string userName, string path, string landmark)
    {
        var page = await chromium.SignInAsync(app, userName);
        await page.SetViewportSizeAsync(1024, 768);

        await page.Locator(landmark).First.WaitForAsync();
        await Screenshots.SaveAsync(page, $"landing-{userName}", fullPage: false);
        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");

        Assert.Equal(path, new Uri(page.Url).AbsolutePath);
        Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]} px wide in a {widths[1]} px window.");
    }

    [Theory]
    [InlineData("/work")]
    [InlineData("/batches")]
    [InlineData("/batches/B-2026-0005/execute")]
    [InlineData("/maintenance")]
    public async Task ATabletHeldUprightShowsTheShopFloorPagesWithoutSidewaysScrolling(string path)
    {
        var page = await chromium.SignInAsync(app, "supervisor");
        await page.SetViewportSizeAsync(768, 1024);
        await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        await page.Locator("h1").First.WaitForAsync();
        await Screenshots.SaveAsync(page, $"portrait{path.Replace('/', '-')}", fullPage: false);

        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");

        Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]} px wide in a {widths[1]} px upright tablet.");
    }

    [Theory]
    [InlineData("/batches/B-2026-0005/execute")]
    [InlineData("/work")]
    public async Task EveryControlOfAShopFloorPageIsAtLeast44PixelsSquare(string path)
    {
        var page = await chromium.SignInAsync(app, "operator");
        await page.SetViewportSizeAsync(1024, 768);
        await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        await page.Locator("h1").First.WaitForAsync();

        // WCAG 2.5.5: buttons, fields and stand-alone links; a link inside a sentence is exempt.
        var small = await page.EvaluateAsync<string[]>("""
            [...document.querySelectorAll('main button, main input:not([type=hidden]), main select, main a[href]')]
              .filter(e => e.offsetParent !== null && !(e.tagName === 'A' && e.closest('p, li > span, .text-muted, .alert')))
              .map(e => [e, e.getBoundingClientRect()])
              .filter(([e, r]) => r.height < 44 || r.width < 44)
              .map(([e, r]) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`)
            """);

        Assert.True(small.Length == 0, string.Join(Environment.NewLine, small));
    }

    [Fact]
    public async Task TheBatchListNamesEachBatchsMasterRecordVersion()
    {
        var page = await chromium.SignInAsync(app, "planner");
        var row = page.Locator("tr[data-batch='B-2026-0005']");
        await row.WaitForAsync();

        Assert.Matches(@"version \d+ · created", await row.TextContentAsync());
        Assert.DoesNotContain("@batch", await page.Locator("main").TextContentAsync());
    }

    [Fact]
    public async Task TheOperatorsQueueShowsTheDemoBatchAndUpdatesWhenABatchIsMade()
    {
        var page = await chromium.SignInAsync(app, "operator");
        await page.Locator("[data-section=to-do]").WaitForAsync();
        var before = await page.Locator("[data-section=to-do] [data-work]").CountAsync();

        var number = await ShopFloorSetup.NewBatchAsync(app.Services, "FG-PARA500", 1_000m);

        await page.Locator($"[data-work='{number}']").WaitForAsync(new() { Timeout = 10_000 });
        Assert.True(before >= 1, "The demo's running batch should be in the queue.");
        Assert.Contains("Start the batch", await page.Locator($"[data-work='{number}']").TextContentAsync());
    }
}

using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Domain.Quality;
using PharmaMes.Infrastructure.Quality;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>QA keeps the quality exceptions open while the shop floor works: an exception raised elsewhere appears without a reload.</summary>
public class QualityExceptionsJourney(LivePlantApp app, Chromium chromium) : IClassFixture<LivePlantApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task AnExceptionRaisedOnTheShopFloorAppearsOnQasOpenPageWithinSeconds()
    {
        var page = await chromium.SignInAsync(app, "qa");
        await page.SetViewportSizeAsync(1024, 768);
        await page.GotoAsync(new Uri(app.BaseAddress, "/quality/exceptions").ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        await page.Locator("h1").First.WaitForAsync();
        await page.EvaluateAsync("window.mesNotReloaded = true");

        var number = await app.Services.GetRequiredService<QualityExceptionService>().RaiseAsync(QualityExceptionSeverity.Major,
            "Label roll of the wrong strength at BLIS-01", "Found at line clearance before packaging.", null, null,
            await ShopFloorSetup.PersonAsync(app.Services, "operator"));

        var raised = page.Locator($"[data-exception='{number}']");
        await raised.WaitForAsync(new() { Timeout = 10_000 });
        await Screenshots.SaveAsync(page, "quality-exceptions-live-1024", fullPage: false);

        Assert.Contains("Label roll of the wrong strength", await raised.TextContentAsync());
        Assert.True(await page.EvaluateAsync<bool>("window.mesNotReloaded === true"), "The page was reloaded instead of following the change.");
    }
}

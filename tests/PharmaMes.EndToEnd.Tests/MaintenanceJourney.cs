using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Infrastructure.Signatures;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// Keeping equipment fit on a 1024×768 tablet: an operator records the cleaning of a unit and signs it, a
/// supervisor verifies it from the maintenance page, and the logbook shows the cleaning with both signatures.
/// </summary>
public class MaintenanceJourney(LivePlantApp app, Chromium chromium) : IClassFixture<LivePlantApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task AnOperatorCleansASupervisorVerifiesAndTheLogbookShowsBothSignatures()
    {
        var operatorPage = await chromium.SignInAsync(app, "operator");
        await operatorPage.SetViewportSizeAsync(1024, 768);
        await operatorPage.GotoAsync(new Uri(app.BaseAddress, "/maintenance/equipment/CHROM-01").ToString());
        await operatorPage.Locator("[data-testid=cleaning-form]").WaitForAsync();
        await operatorPage.Locator(".mes-shell[data-interactive]").WaitForAsync();
        Assert.Contains("being cleaned", await operatorPage.Locator("[data-section=fitness]").TextContentAsync());

        await operatorPage.FillAsync("#cleaning-agent", "");
        await operatorPage.ClickAsync("[data-action=record-cleaning]");
        await operatorPage.GetByText("Name the cleaning agent used").WaitForAsync();
        Assert.Equal(0, await operatorPage.Locator("[data-testid=signature-dialog]").CountAsync());
        await operatorPage.FillAsync("#cleaning-agent", "1 % NaOH, WFI rinse");
        await operatorPage.SelectOptionAsync("#cleaning-method", "Major");
        await SignAsync(operatorPage, "[data-action=record-cleaning]", "operator");
        await operatorPage.Locator("[data-outcome]").GetByText("A second person now verifies it").WaitForAsync();
        await operatorPage.Locator("[data-section=verify]").WaitForAsync();
        await Screenshots.SaveAsync(operatorPage, "maintenance-care-chrom01", fullPage: true);

        var supervisorPage = await chromium.SignInAsync(app, "supervisor");
        await supervisorPage.SetViewportSizeAsync(1024, 768);
        await supervisorPage.GotoAsync(new Uri(app.BaseAddress, "/maintenance").ToString());
        var toVerify = supervisorPage.Locator("[data-verify=CHROM-01]");
        await toVerify.WaitForAsync();
        await supervisorPage.Locator(".mes-shell[data-interactive]").WaitForAsync();
        Assert.Contains("Major cleaning with 1 % NaOH, WFI rinse", await toVerify.TextContentAsync());
        Assert.Equal(1, await supervisorPage.Locator("[data-calibration=FILL-01]").CountAsync());
        await Screenshots.SaveAsync(supervisorPage, "maintenance", fullPage: false);
        await SignAsync(supervisorPage, "[data-verify=CHROM-01] [data-action=verify-cleaning]", "supervisor");
        await supervisorPage.Locator("[data-outcome]").GetByText("Cleaning of CHROM-01 verified").WaitForAsync();
        Assert.Equal(0, await supervisorPage.Locator("[data-verify=CHROM-01]").CountAsync());

        await supervisorPage.GotoAsync(new Uri(app.BaseAddress, "/equipment/CHROM-01/logbook?kind=Cleaning").ToString());
        var cleaning = supervisorPage.Locator("[data-testid=logbook] tr[data-kind=Cleaning]").Last;
        await cleaning.WaitForAsync();
        await Screenshots.SaveAsync(supervisorPage, "logbook-chrom01", fullPage: true);
        Assert.Contains("Major cleaning — Verified", await cleaning.TextContentAsync());
        var signatures = await cleaning.Locator("[data-testid=logbook-signature]").AllTextContentsAsync();
        Assert.Equal(2, signatures.Count);
        Assert.Contains("Olga Petrova — Performed —", signatures[0]);
        Assert.Contains("Samuel Okafor — Verified —", signatures[1]);
        Assert.DoesNotContain(signatures, s => s.Contains("INVALID", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MaintenanceRaisesAWorkOrderFromADownUnitWorksItAndReleasesItSigned()
    {
        var page = await chromium.SignInAsync(app, "maintenance");
        await page.SetViewportSizeAsync(1024, 768);
        await page.GotoAsync(new Uri(app.BaseAddress, "/maintenance").ToString());
        var down = page.Locator("[data-down=BLIS-01]");
        await down.WaitForAsync();
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        Assert.Contains("Foil web break", await down.TextContentAsync());
        Assert.Equal(1, await page.Locator("[data-section=work-orders] [data-work-order]").CountAsync());
        await Screenshots.SaveAsync(page, "maintenance-work-orders", fullPage: true);

        await down.Locator("[data-action=raise-work-order]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/maintenance/work-orders/WO-", StringComparison.Ordinal));
        var number = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await page.Locator("[data-section=what]").GetByText("Foil web break at the sealing station").WaitForAsync();
        await page.ClickAsync("[data-action=start]");
        await page.Locator("[data-outcome]").GetByText("is in maintenance and refused for batches").WaitForAsync();
        await page.ClickAsync("[data-action=complete]");
        await page.Locator("[data-form-error]").GetByText("Say what was done").WaitForAsync();
        await page.FillAsync("#wo-done", "Foil web re-threaded, sealing station guide roller replaced, 10 blisters test-sealed");
        await page.FillAsync("#wo-parts", "Guide roller GR-40 x1");
        await page.ClickAsync("[data-action=complete]");
        await page.Locator("[data-action=release]").WaitForAsync();
        await Screenshots.SaveAsync(page, "work-order-to-release", fullPage: true);
        await SignAsync(page, "[data-action=release]", "maintenance");

        await page.Locator("[data-outcome]").GetByText($"{number} released").WaitForAsync();
        Assert.Contains("Marco Rossi — Released —", await page.Locator("[data-signature]").TextContentAsync());
        Assert.Equal("Dirty", await page.Locator("[data-status]").First.GetAttributeAsync("data-status"));
        await Screenshots.SaveAsync(page, "work-order-released", fullPage: true);
        await page.GotoAsync(new Uri(app.BaseAddress, "/equipment/BLIS-01/logbook?kind=Maintenance").ToString());
        var entry = page.Locator("[data-testid=logbook] tr[data-kind=Maintenance]").Last;
        await entry.WaitForAsync();
        Assert.Contains("Guide roller GR-40 x1", await entry.TextContentAsync());
    }

    [Fact]
    public async Task AnOperatorSeesWhatADirtyUnitNeedsAndSeesItFreedAsSoonAsItIsCleaned()
    {
        // A batch ran its pressing on TP-02 and left it dirty; the next batch's operator must choose a press.
        await ShopFloorSetup.EnsureApprovedRecipeAsync(app.Services, "FG-E2E-PRESS", "End-to-end pressed tablets", 1_000m,
            recipe => recipe.AddStep("Compression", "Press the blend into tablets.", EquipmentClass.TabletPress));
        await ShopFloorSetup.EnsureCleanAsync(app.Services, "TP-02", LivePlantApp.Password);
        var operatorUser = await ShopFloorSetup.PersonAsync(app.Services, "operator");
        var execution = app.Services.GetRequiredService<BatchExecutionService>();
        var first = await ShopFloorSetup.NewBatchAsync(app.Services, "FG-E2E-PRESS", 1_000m);
        await execution.StartAsync(first, operatorUser);
        await execution.StartStepAsync(first, 1, "TP-02", operatorUser);
        await execution.CompleteStepAsync(first, 1, new SignatureCredentials("operator", LivePlantApp.Password), operatorUser);
        var next = await ShopFloorSetup.NewBatchAsync(app.Services, "FG-E2E-PRESS", 1_000m);
        await execution.StartAsync(next, operatorUser);

        var page = await chromium.SignInAsync(app, "operator");
        await page.GotoAsync(new Uri(app.BaseAddress, $"/batches/{next}/execute").ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        var press = page.Locator("[data-equipment=TP-02]");
        await Assertions.Expect(press).ToBeDisabledAsync();
        Assert.Contains($"after {first} — cleaning needed", await press.TextContentAsync());
        Assert.Equal(1, await page.Locator("[data-testid=equipment-care-links] a[href='/maintenance/equipment/TP-02']").CountAsync());
        await Screenshots.SaveAsync(page, "execution-dirty-unit", fullPage: true);

        // Maintenance records the cleaning and a second person verifies it: the operator's screen frees the press unasked.
        await ShopFloorSetup.EnsureCleanAsync(app.Services, "TP-02", LivePlantApp.Password);

        await Assertions.Expect(press).ToBeEnabledAsync();
        Assert.DoesNotContain("cleaning needed", await press.TextContentAsync());
    }

    [Fact]
    public async Task MaintenanceSignsACalibrationOnTheCarePageAfterAFutureDateIsRefusedNextToItsField()
    {
        var page = await chromium.SignInAsync(app, "maintenance");
        await page.SetViewportSizeAsync(1024, 768);
        await page.GotoAsync(new Uri(app.BaseAddress, "/maintenance/equipment/GRAN-01").ToString());
        await page.Locator("[data-testid=calibration-form]").WaitForAsync();
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        await page.FillAsync("#cal-instrument", "impeller_speed");
        await page.FillAsync("#cal-standard", "Reference tachometer RT-3");
        await page.FillAsync("#cal-certificate", "DAkkS D-K-15141 2026-03");
        await page.FillAsync("#cal-found", "252 rpm at 250 rpm");
        await page.FillAsync("#cal-left", "250 rpm at 250 rpm");
        await page.FillAsync("#cal-on", today.AddDays(1).ToString("yyyy-MM-dd"));
        await page.FillAsync("#cal-next", today.AddDays(366).ToString("yyyy-MM-dd"));
        await page.ClickAsync("[data-action=record-calibration]");
        await page.Locator("[data-testid=calibration-form] .validation-message").GetByText("A calibration cannot be dated in the future.").WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=signature-dialog]").CountAsync());
        await Screenshots.SaveAsync(page, "calibration-future-refused", fullPage: true);

        await page.FillAsync("#cal-on", today.ToString("yyyy-MM-dd"));
        await SignAsync(page, "[data-action=record-calibration]", "maintenance");

        await page.Locator("[data-outcome]").GetByText($"Calibration of GRAN-01 recorded: next due {today.AddDays(366):yyyy-MM-dd}.").WaitForAsync();
        await page.Locator("[data-section=fitness]").GetByText($"last passed {today:yyyy-MM-dd}").WaitForAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/equipment/GRAN-01/logbook?kind=Calibration").ToString());
        var entry = page.Locator("[data-testid=logbook] tr[data-kind=Calibration]").Last;
        await entry.WaitForAsync();
        Assert.Contains("Reference tachometer RT-3", await entry.TextContentAsync());
        Assert.Contains("Marco Rossi — Performed —", await entry.Locator("[data-testid=logbook-signature]").TextContentAsync());
    }

    [Fact]
    public async Task APlannerCannotOpenTheMaintenancePage()
    {
        var page = await chromium.SignInAsync(app, "planner");

        await page.GotoAsync(new Uri(app.BaseAddress, "/maintenance").ToString());

        Assert.Contains("/account/access-denied", page.Url);
        Assert.Equal(0, await page.Locator("a[href='/maintenance']").CountAsync());
    }

    private static async Task SignAsync(IPage page, string action, string userName)
    {
        await page.ClickAsync(action);
        var dialog = page.Locator("[data-testid=signature-dialog]");
        await PageState.ExpectAsync(page, dialog, $"sign-{userName}");
        Assert.Equal(userName, await page.Locator("#sign-username").InputValueAsync());
        await page.FillAsync("#sign-password", LivePlantApp.Password);
        await page.ClickAsync("[data-testid=signature-sign]");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 60_000 });
    }
}

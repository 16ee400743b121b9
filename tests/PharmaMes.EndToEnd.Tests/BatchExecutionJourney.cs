using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Recipes;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Identity;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Production;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// A short batch from the shop floor to stock: an operator dispenses and records, a supervisor
/// verifies, an out-of-limit value raises an exception, QA closes it and releases the batch, and
/// the finished-goods lot shows as Released stock.
/// </summary>
public class BatchExecutionJourney(LivePlantApp app, Chromium chromium) : IClassFixture<LivePlantApp>, IClassFixture<Chromium>
{
    private const string Product = "FG-E2E";

    [Fact]
    public async Task AnOperatorRunsABatchASupervisorVerifiesAndQaReleasesItsLot()
    {
        var number = await NewBatchAsync();

        // The operator starts the batch and weighs the binder on the dispensing booth.
        var operatorPage = await chromium.SignInAsync(app, "operator");
        await OpenExecutionAsync(operatorPage, number);
        await operatorPage.ClickAsync("[data-action=start-batch]");
        await operatorPage.Locator("[data-action=start-step]:not([disabled])").WaitForAsync();
        await Screenshots.SaveAsync(operatorPage, "batch-step-equipment", fullPage: true);
        await operatorPage.ClickAsync("[data-action=start-step]");
        await operatorPage.Locator("input[aria-label='Lot of EXC-PVP']").FillAsync("PVP-24-0042");
        await operatorPage.Locator("input[aria-label='Quantity of EXC-PVP']").FillAsync("2.01");
        // The booth has a scale and no live reading in this test: the typed weight carries its reason.
        await operatorPage.Locator("#typed-0").FillAsync("Weighed on reference balance RB-2, scale display faulty");
        await operatorPage.ClickAsync("[data-action=dispense]");
        await operatorPage.Locator("tr[data-material='EXC-PVP'] [data-result=WithinLimits]").WaitForAsync();
        await Screenshots.SaveAsync(operatorPage, "batch-dispensed", fullPage: true);
        await SignAsync(operatorPage, "[data-action=complete-step]", "operator");
        await operatorPage.Locator("[data-step-button='1'] [data-step-state=AwaitingVerification]").WaitForAsync();
        var ownVerification = await operatorPage.Locator("[data-verify-blocked]").CountAsync();

        // A second person verifies the weighing at their own terminal.
        var supervisorPage = await chromium.SignInAsync(app, "supervisor");
        await OpenExecutionAsync(supervisorPage, number);
        await SignAsync(supervisorPage, "[data-action=verify-step]", "supervisor");
        await supervisorPage.Locator("[data-step-button='1'] [data-step-state=Completed]").WaitForAsync();

        // Back at the operator's terminal: the moisture is out of limits, recorded and flagged.
        await OpenExecutionAsync(operatorPage, number);
        await operatorPage.ClickAsync("[data-action=start-step]");
        await operatorPage.Locator("tr[data-value='Granule moisture'] input").FillAsync("3.4");
        await operatorPage.ClickAsync("tr[data-value='Granule moisture'] [data-action=record]");
        var outcome = operatorPage.Locator("[data-outcome]");
        await outcome.Filter(new() { HasText = "quality exception" }).WaitForAsync();
        await Screenshots.SaveAsync(operatorPage, "batch-out-of-limits", fullPage: true);
        await SignAsync(operatorPage, "[data-action=complete-step]", "operator");
        // Completing asks what the batch made: the lot is booked with that, not with the plan.
        await operatorPage.Locator("[data-action=complete-batch]").ClickAsync();
        await operatorPage.Locator("[data-made-error]").WaitForAsync();
        await operatorPage.FillAsync("#made", "990");
        await Screenshots.SaveAsync(operatorPage, "batch-complete-yield", fullPage: false);
        await operatorPage.Locator("[data-action=complete-batch]").ClickAsync();
        await operatorPage.Locator("[data-batch-state=Completed]").WaitForAsync();

        // QA reviews by exception: closes the deviation with a conclusion, then releases.
        var qaPage = await chromium.SignInAsync(app, "qa");
        await qaPage.GotoAsync(new Uri(app.BaseAddress, $"/batches/{number}/record").ToString());
        await qaPage.Locator(".mes-shell[data-interactive]").WaitForAsync();
        var exception = qaPage.Locator("article.mes-exception-open");
        await exception.WaitForAsync();
        var releaseBlocked = await qaPage.Locator("[data-release-blocked]").CountAsync();
        await exception.Locator("input[id^=closure-]").FillAsync("Probe re-tested: 2.6 %. Within the validated range; no impact.");
        await SignAsync(qaPage, "[data-action=close-exception]", "qa");
        await qaPage.Locator("article.mes-exception-open").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await SignAsync(qaPage, "[data-action=release]", "qa");
        await qaPage.Locator("[data-disposition=Released]").First.WaitForAsync();
        await Screenshots.SaveAsync(qaPage, "batch-record-released", fullPage: true);
        var invalidSignatures = await qaPage.Locator("[data-signature][data-valid=False]").CountAsync();
        var signatures = await qaPage.Locator("[data-signature]").CountAsync();

        var printPage = await qaPage.Context.NewPageAsync();
        await printPage.GotoAsync(new Uri(app.BaseAddress, $"/batches/{number}/print").ToString());
        await Screenshots.SaveAsync(printPage, "batch-print", fullPage: true);
        var printedRelease = await printPage.Locator("[data-signature=Released]").InnerTextAsync();
        var printedRecord = await printPage.Locator("main, body").First.InnerTextAsync();

        // The planner's stock view: the batch's lot is Released stock of the product.
        await qaPage.GotoAsync(new Uri(app.BaseAddress, "/plant").ToString());
        var released = qaPage.Locator($"tr[data-material='{Product}'] td[data-status=Released]");
        await released.WaitForAsync();

        Assert.Equal(1, ownVerification);
        Assert.Equal(1, releaseBlocked);
        Assert.Equal(0, invalidSignatures);
        Assert.Equal(5, signatures); // performed ×2, verified, exception closure, release
        Assert.Contains("Quinn Andersen — Released —", printedRelease);
        Assert.Contains("valid", printedRelease);
        Assert.Contains("Granule moisture", printedRecord);
        Assert.Contains("990 pcs", await released.TextContentAsync());
    }

    private async Task OpenExecutionAsync(IPage page, string number)
    {
        await page.GotoAsync(new Uri(app.BaseAddress, $"/batches/{number}/execute").ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        await page.Locator("[data-step]").WaitForAsync();
    }

    /// <summary>Opens the signature dialog with the action button, re-enters the password, signs, and waits for the dialog to close.</summary>
    private static async Task SignAsync(IPage page, string action, string userName)
    {
        await page.ClickAsync(action);
        var dialog = page.Locator("[data-testid=signature-dialog]");
        await PageState.ExpectAsync(page, dialog, "sign-batchexecution");
        Assert.Equal(userName, await page.Locator("#sign-username").InputValueAsync());
        await page.FillAsync("#sign-password", LivePlantApp.Password);
        await page.ClickAsync("[data-testid=signature-sign]");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 60_000 });
    }

    /// <summary>An approved two-step recipe (a verified weighing on a booth, then a moisture check), a released order, and its batch.</summary>
    private async Task<string> NewBatchAsync()
    {
        await ShopFloorSetup.EnsureApprovedRecipeAsync(app.Services, Product, "End-to-end test tablets", 1_000m, recipe =>
        {
            recipe.AddStep("Dispensing", "Weigh the binder into a clean, labelled container.", EquipmentClass.DispensingBooth, requiresVerification: true);
            recipe.AddMaterial(new MaterialCode("EXC-PVP"), new Quantity(2m, "kg"), 2m, 2m, 1);
            recipe.AddStep("Moisture check", "Measure the granule moisture with the halogen analyser.");
            recipe.AddCheck(2, "Granule moisture", new UnitOfMeasure("%"), new ValueRange(0, 3));
        });
        return await ShopFloorSetup.NewBatchAsync(app.Services, Product, 1_000m);
    }
}

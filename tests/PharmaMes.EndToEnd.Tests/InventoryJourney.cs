using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Production;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// A planner keeps the inventory open while the shop floor dispenses: the released stock of the
/// material falls on the planner's screen by itself, and the lot's genealogy names the batch.
/// </summary>
public class InventoryJourney(LivePlantApp app, Chromium chromium) : IClassFixture<LivePlantApp>, IClassFixture<Chromium>
{
    private const string Product = "FG-E2E-INV";

    private static decimal Figure(string text) =>
        decimal.Parse(text.Trim().Split(' ')[0], NumberStyles.Number, CultureInfo.InvariantCulture);

    [Fact]
    public async Task APlannerWatchesTheStockOfAMaterialFallWhileABatchDispensesIt()
    {
        var number = await NewBatchAsync();
        var page = await chromium.SignInAsync(app, "planner");
        await page.GotoAsync(new Uri(app.BaseAddress, "/inventory").ToString());
        var released = page.Locator("tr[data-material='EXC-MCC'] [data-figure=released]");
        await released.WaitForAsync();
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        var before = Figure(await released.InnerTextAsync());
        await Screenshots.SaveAsync(page, "inventory-before", fullPage: true);

        // The shop floor dispenses 12.5 kg of cellulose from lot MCC-24-3310 to the batch.
        var operatorUser = await ShopFloorSetup.PersonAsync(app.Services, "operator");
        var execution = app.Services.GetRequiredService<BatchExecutionService>();
        await execution.StartAsync(number, operatorUser);
        await execution.StartStepAsync(number, 1, null, operatorUser);
        await execution.DispenseAsync(number, 1, "EXC-MCC", "MCC-24-3310", 12.5m, operatorUser);

        // No reload: the figure changes on the open page.
        var expected = (before - 12.5m).ToString("#,0.###", CultureInfo.InvariantCulture);
        await page.Locator($"tr[data-material='EXC-MCC'] [data-figure=released]:has-text('{expected}')").WaitForAsync();
        await Screenshots.SaveAsync(page, "inventory-after-dispense", fullPage: true);
        Assert.Equal(before - 12.5m, Figure(await released.InnerTextAsync()));
        Assert.Contains("kg", await page.Locator("tr[data-material='EXC-MCC'] [data-figure=rate]").InnerTextAsync());

        // The lot's genealogy forward names the batch that used it.
        await page.GotoAsync(new Uri(app.BaseAddress, "/lots/MCC-24-3310/genealogy?direction=forward").ToString());
        await page.Locator($"[data-testid=genealogy-tree] [data-batch='{number}']").WaitForAsync();
        await Screenshots.SaveAsync(page, "lot-genealogy-forward", fullPage: true);
        await page.GotoAsync(new Uri(app.BaseAddress, "/lots/B-2026-0002/genealogy?direction=backward").ToString());
        await page.Locator("[data-testid=genealogy-tree] [data-lot='PARA-24-0117']").WaitForAsync();
        await Screenshots.SaveAsync(page, "lot-genealogy-backward", fullPage: true);
    }

    [Fact]
    public async Task QaReleasesAQuarantinedLotWithASignatureOnTheMaterialPage()
    {
        var page = await chromium.SignInAsync(app, "qa");
        await page.GotoAsync(new Uri(app.BaseAddress, "/inventory/COAT-OPA").ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        await page.Locator("tr[data-lot='OPA-24-1180'] [data-testid=release-lot]").ClickAsync();
        await page.FillAsync("#sign-username", "qa");
        await page.FillAsync("#sign-password", LivePlantApp.Password);
        await Screenshots.SaveAsync(page, "lot-release-signature");
        await page.ClickAsync("[data-testid=signature-sign]");
        await page.Locator("[data-outcome], [data-testid=signature-refusal]").First.WaitForAsync();
        await Screenshots.SaveAsync(page, "lot-released", fullPage: true);

        Assert.Contains("released for use", await page.Locator("[data-outcome]").InnerTextAsync());
        Assert.Equal("Released", await page.Locator("tr[data-lot='OPA-24-1180'] [data-lot-status]").GetAttributeAsync("data-lot-status"));
    }

    [Fact]
    public async Task AScannedContainerLabelFillsTheLotAndExpiryOfTheReceipt()
    {
        var page = await chromium.SignInAsync(app, "planner");
        await page.SetViewportSizeAsync(1024, 768);
        await page.GotoAsync(new Uri(app.BaseAddress, "/inventory/API-PARA").ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        await page.ClickAsync("#receive-lot");

        // A wedge scanner sends the raw GS1-128 label (GTIN, expiry, lot) in one burst and ends with Enter.
        await page.Keyboard.TypeAsync("]C1" + "0109506000134352" + "17280630" + "10PARA-26-0777", new() { Delay = 0 });
        await page.Keyboard.PressAsync("Enter");
        var note = page.Locator("[data-label-note=read]");
        await note.WaitForAsync();
        var noteText = await note.TextContentAsync();
        var focused = await page.EvaluateAsync<string>("document.activeElement.id");
        await page.Keyboard.TypeAsync("120", new() { Delay = 0 });
        await Screenshots.SaveAsync(page, "inventory-receipt-label-1024", fullPage: false);
        var lot = await page.InputValueAsync("#receive-lot");
        var expiry = await page.InputValueAsync("#receive-expiry");
        await page.ClickAsync("[data-testid=receive-lot] button[type=submit]");
        var outcome = page.Locator(".alert", new() { HasText = "PARA-26-0777" });
        await outcome.WaitForAsync();

        Assert.Equal("receive-quantity", focused);
        Assert.Equal("PARA-26-0777", lot);
        Assert.Equal("2028-06-30", expiry);
        Assert.Contains("GTIN 09506000134352", noteText);
        Assert.Contains("received: 120 kg in Quarantine", await outcome.TextContentAsync());
    }

    [Fact]
    public async Task AReceivedQuantityIsReadInTheTerminalsNumberFormat()
    {
        var page = await chromium.SignInAsync(app, "planner");
        await page.SetViewportSizeAsync(1024, 768);
        await page.GotoAsync(new Uri(app.BaseAddress, "/terminal/number-format/en-US?returnUrl=/inventory/EXC-MCC").ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        await page.Locator("#receive-lot").PressSequentiallyAsync("MCC-26-0901", new() { Delay = 0 });
        await page.Locator("#receive-lot").PressAsync("Enter");
        await page.Keyboard.TypeAsync("1,400", new() { Delay = 0 });
        await page.Keyboard.PressAsync("Enter");
        var refused = page.Locator("[data-quantity-error]");
        await refused.WaitForAsync();
        var refusedText = await refused.TextContentAsync();

        // The same terminal switched to a comma: 12,5 is twelve and a half kilograms, and is shown back so.
        await page.GotoAsync(new Uri(app.BaseAddress, "/terminal/number-format/de-DE?returnUrl=/inventory/EXC-MCC").ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        await page.Locator("#receive-lot").PressSequentiallyAsync("MCC-26-0901", new() { Delay = 0 });
        await page.Locator("#receive-lot").PressAsync("Enter");
        await page.Keyboard.TypeAsync("12,5", new() { Delay = 0 });
        await page.Keyboard.PressAsync("Enter");
        await page.FillAsync("#receive-expiry", "2028-03-31");
        await page.ClickAsync("[data-testid=receive-lot] button[type=submit]");
        var outcome = page.Locator(".alert", new() { HasText = "MCC-26-0901" });
        await outcome.WaitForAsync();
        await Screenshots.SaveAsync(page, "inventory-receipt-de-1024", fullPage: false);

        Assert.Contains("ambiguous", refusedText);
        Assert.Contains("received: 12,5 kg in Quarantine", await outcome.TextContentAsync());
        Assert.Equal("12,5 kg", (await page.Locator("tr[data-lot='MCC-26-0901'] td.text-end").TextContentAsync())?.Trim());
    }

    [Fact]
    public async Task TheOutboxPageShowsWhatWasDeliveredToTheErp()
    {
        var page = await chromium.SignInAsync(app, "planner");
        await page.GotoAsync(new Uri(app.BaseAddress, "/erp/outbox").ToString());
        await page.Locator("[data-testid=outbox-counts]").WaitForAsync();
        await page.Locator("[data-count=delivered] .mes-outbox-figure").WaitForAsync();
        await page.ClickAsync("[data-count=delivered]");
        await page.Locator("[data-testid=outbox-table] tr[data-status=Delivered]").First.WaitForAsync();
        await Screenshots.SaveAsync(page, "erp-outbox");

        Assert.True(Figure(await page.Locator("[data-count=delivered] .mes-outbox-figure").InnerTextAsync()) > 0);
    }

    private async Task<string> NewBatchAsync()
    {
        await ShopFloorSetup.EnsureApprovedRecipeAsync(app.Services, Product, "Inventory journey tablets", 1_000m, recipe =>
        {
            recipe.AddStep("Dispensing", "Weigh the cellulose.", null);
            recipe.AddMaterial(new MaterialCode("EXC-MCC"), new Quantity(12.5m, "kg"), 2m, 2m, 1);
        });
        return await ShopFloorSetup.NewBatchAsync(app.Services, Product, 1_000m);
    }
}

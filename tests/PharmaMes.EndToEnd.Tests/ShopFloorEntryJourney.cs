using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// Entries at a 1024×768 shop-floor tablet: a scanner types a lot at full speed and ends with Enter, quantities
/// and values are typed the terminal's way (1,4 on a German terminal), and what is ambiguous is refused.
/// </summary>
public class ShopFloorEntryJourney(LivePlantApp app, Chromium chromium) : IClassFixture<LivePlantApp>, IClassFixture<Chromium>
{
    private const string Product = "FG-KEYS";

    [Fact]
    public async Task OnAGermanTerminalAScannedLotAndCommaNumbersArriveWholeAndRecordTheirValue()
    {
        var number = await NewBatchAsync();
        var page = await chromium.SignInAsync(app, "operator");
        await page.SetViewportSizeAsync(1024, 768);
        await page.GotoAsync(new Uri(app.BaseAddress, $"/terminal/number-format/de-DE?returnUrl=/batches/{number}/execute").ToString());
        await OpenedAsync(page);
        await page.ClickAsync("[data-action=start-batch]");
        await page.Locator("[data-action=start-step]:not([disabled])").ClickAsync();
        var lot = page.Locator("input[aria-label='Lot of EXC-PVP']");
        await lot.WaitForAsync();
        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        await Screenshots.SaveAsync(page, "execution-dispense-1024", fullPage: false);

        // The cursor waits in the lot field; a keyboard-wedge scanner types the whole label in one burst, then Enter.
        await page.WaitForFunctionAsync("document.activeElement && document.activeElement.id === 'lot-0'");
        await page.Keyboard.TypeAsync("PVP-24-0042", new() { Delay = 0 });
        await page.Keyboard.PressAsync("Enter");
        var focused = await page.EvaluateAsync<string>("document.activeElement.id");
        await page.Keyboard.TypeAsync("2,01", new() { Delay = 0 });
        await page.Keyboard.PressAsync("Enter");
        // The booth has a scale: a typed weight is refused until it says why, and the record keeps the reason.
        var why = page.Locator("tr[data-material='EXC-PVP'] .validation-message");
        await why.WaitForAsync();
        var whyText = await why.TextContentAsync();
        var reason = page.Locator("#typed-0");
        await reason.PressSequentiallyAsync("Reference balance RB-2", new() { Delay = 0 });
        await reason.PressAsync("Enter");
        var dispensed = page.Locator("tr[data-material='EXC-PVP']");
        await dispensed.Locator("[data-result=WithinLimits]").WaitForAsync();

        Assert.True(widths[0] <= widths[1], $"The execution page is {widths[0]} px wide in a {widths[1]} px window.");
        Assert.Equal("quantity-0", focused);
        Assert.Contains("This booth has a scale", whyText);
        Assert.Contains("PVP-24-0042", await dispensed.TextContentAsync());
        Assert.Contains("2,01 kg", await dispensed.TextContentAsync());

        await SignAsync(page, "[data-action=complete-step]", "operator");
        await page.Locator("[data-action=start-step]:not([disabled])").ClickAsync();
        var moisture = page.Locator("tr[data-value='Granule moisture'] input");
        await moisture.PressSequentiallyAsync("2,65", new() { Delay = 0 });
        await moisture.PressAsync("Enter");
        var recorded = page.Locator("tr[data-value='Granule moisture'] [data-recorded]");
        await recorded.WaitForAsync();
        await Screenshots.SaveAsync(page, "execution-recorded-de", fullPage: false);

        Assert.Equal("2,65 %", (await recorded.TextContentAsync())?.Trim());

        // The terminal can change its mind: one tap, and the same record reads with a point.
        await page.ClickAsync("[data-action=switch-number-format]");
        await page.Locator("[data-number-format=en-US]").WaitForAsync();
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        Assert.Equal("2.65 %", (await page.Locator("tr[data-value='Granule moisture'] [data-recorded]").TextContentAsync())?.Trim());
    }

    [Fact]
    public async Task OnAnEnglishTerminalACommaIsRefusedAsAmbiguousAndNothingIsRecorded()
    {
        var number = await NewBatchAsync();
        var page = await chromium.SignInAsync(app, "operator");
        await page.SetViewportSizeAsync(1024, 768);
        await page.GotoAsync(new Uri(app.BaseAddress, $"/terminal/number-format/en-US?returnUrl=/batches/{number}/execute").ToString());
        await OpenedAsync(page);
        await page.ClickAsync("[data-action=start-batch]");
        await page.Locator("[data-action=start-step]:not([disabled])").ClickAsync();

        await page.Locator("input[aria-label='Lot of EXC-PVP']").PressSequentiallyAsync("PVP-24-0042", new() { Delay = 0 });
        var quantity = page.Locator("input[aria-label='Quantity of EXC-PVP']");
        await quantity.PressSequentiallyAsync("1,4", new() { Delay = 0 });
        await quantity.PressAsync("Enter");
        var error = page.Locator("tr[data-material='EXC-PVP'] .validation-message");
        await error.WaitForAsync();

        Assert.Contains("ambiguous", await error.TextContentAsync());
        Assert.Contains("1.4", await error.TextContentAsync());
        Assert.Equal(0, await page.Locator("tr[data-material='EXC-PVP'] [data-result]").CountAsync());
        Assert.Equal("PVP-24-0042", await page.Locator("input[aria-label='Lot of EXC-PVP']").InputValueAsync());

        await quantity.FillAsync("");
        await quantity.PressSequentiallyAsync("2.01", new() { Delay = 0 });
        await quantity.PressAsync("Enter");
        await page.Locator("#typed-0").FillAsync("Reference balance RB-2");
        await page.Locator("#typed-0").PressAsync("Enter");
        await page.Locator("tr[data-material='EXC-PVP'] [data-result=WithinLimits]").WaitForAsync();
        Assert.Contains("2.01 kg", await page.Locator("tr[data-material='EXC-PVP']").TextContentAsync());
        // The step is finished, so the booth is free for the next terminal.
        await SignAsync(page, "[data-action=complete-step]", "operator");
    }

    [Fact]
    public async Task OnlyASupervisorSkipsAStepWithAReasonAndASignatureAndTheRecordSaysSoFirst()
    {
        var number = await NewBatchAsync();
        var operatorPage = await chromium.SignInAsync(app, "operator");
        await operatorPage.SetViewportSizeAsync(1024, 768);
        await operatorPage.GotoAsync(new Uri(app.BaseAddress, $"/batches/{number}/execute").ToString());
        await OpenedAsync(operatorPage);
        await operatorPage.ClickAsync("[data-action=start-batch]");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Skip…" }).ClickAsync();
        await operatorPage.Locator("[data-skip-needs-supervisor]").WaitForAsync();
        var operatorCanSkip = await operatorPage.Locator("[data-action=skip-step]").CountAsync();

        var supervisorPage = await chromium.SignInAsync(app, "supervisor");
        await supervisorPage.SetViewportSizeAsync(1024, 768);
        await supervisorPage.GotoAsync(new Uri(app.BaseAddress, $"/batches/{number}/execute").ToString());
        await OpenedAsync(supervisorPage);
        await supervisorPage.GetByRole(AriaRole.Button, new() { Name = "Skip…" }).ClickAsync();
        // Typed at full speed and ended with Enter: the reason arrives whole and Enter asks for the signature.
        var skipReason = supervisorPage.Locator("#skip-reason");
        await skipReason.PressSequentiallyAsync("Binder pre-weighed in the warehouse under deviation DV-118", new() { Delay = 0 });
        await skipReason.PressAsync("Enter");
        await SignOpenedAsync(supervisorPage, "supervisor");
        var outcome = supervisorPage.Locator("[data-outcome]");
        await outcome.Filter(new() { HasText = "quality exception" }).WaitForAsync();
        var outcomeText = await outcome.TextContentAsync();

        await supervisorPage.GotoAsync(new Uri(app.BaseAddress, $"/batches/{number}/record").ToString());
        var banner = supervisorPage.Locator("[data-skipped-steps]");
        await banner.WaitForAsync();
        await Screenshots.SaveAsync(supervisorPage, "record-skipped-step", fullPage: false);

        Assert.Equal(0, operatorCanSkip);
        Assert.Contains("signed", outcomeText);
        Assert.Contains("Binder pre-weighed in the warehouse under deviation DV-118", await banner.TextContentAsync());
        Assert.Contains("by supervisor", await banner.TextContentAsync());
    }

    private static async Task OpenedAsync(IPage page)
    {
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        await page.Locator("[data-step]").WaitForAsync();
    }

    [Fact]
    public async Task AScannedUnitLabelIsCheckedAgainstTheStepAndEnterMovesOnToStart()
    {
        var number = await NewBatchAsync();
        var page = await chromium.SignInAsync(app, "operator");
        await page.SetViewportSizeAsync(1024, 768);
        await page.GotoAsync(new Uri(app.BaseAddress, $"/batches/{number}/execute").ToString());
        await OpenedAsync(page);
        await page.ClickAsync("[data-action=start-batch]");

        // The cursor waits in the unit's scan field; each scan is a burst of keys ending in Enter.
        await Expect(page.Locator("#equipment-scan")).ToBeFocusedAsync();
        var error = page.Locator("[data-equipment-scan-error]");
        await page.Keyboard.TypeAsync("(8004)TP-01", new() { Delay = 0 });
        await page.Keyboard.PressAsync("Enter");
        await error.Filter(new() { HasText = "TP-01" }).WaitForAsync();
        var wrongClass = await error.TextContentAsync();
        var chosenAfterWrongScan = await page.Locator("[data-equipment='DISP-01'][aria-pressed=true]").CountAsync();
        await Expect(page.Locator("#equipment-scan")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("(01)09506000134352(10)PVP-24-0042(17)271231", new() { Delay = 0 });
        await page.Keyboard.PressAsync("Enter");
        await error.Filter(new() { HasText = "container label" }).WaitForAsync();
        var containerLabel = await error.TextContentAsync();
        await Expect(page.Locator("#equipment-scan")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("]C18004DISP-01", new() { Delay = 0 });
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#start-step")).ToBeFocusedAsync();
        await Screenshots.SaveAsync(page, "execution-equipment-scanned-1024", fullPage: false);

        Assert.Contains("TP-01 is not a dispensing booth", wrongClass);
        Assert.Contains("DISP-01", wrongClass);
        Assert.Equal(0, chosenAfterWrongScan);
        Assert.Contains("lot PVP-24-0042", containerLabel);
        Assert.Equal(0, await error.CountAsync());
        Assert.Equal("true", await page.Locator("[data-equipment='DISP-01']").GetAttributeAsync("aria-pressed"));
        Assert.True(await page.Locator("#start-step").IsEnabledAsync());
    }

    [Fact]
    public async Task ABatchStartedAndHeldOnAnotherTerminalIsFollowedWithoutAReload()
    {
        var number = await NewBatchAsync();
        var page = await chromium.SignInAsync(app, "operator");
        await page.SetViewportSizeAsync(1024, 768);
        await page.GotoAsync(new Uri(app.BaseAddress, $"/batches/{number}/execute").ToString());
        await OpenedAsync(page);
        await page.Locator("[data-action=start-batch]").WaitForAsync();
        await page.EvaluateAsync("window.mesNotReloaded = true");

        var supervisor = await ShopFloorSetup.PersonAsync(app.Services, "supervisor");
        var execution = app.Services.GetRequiredService<PharmaMes.Infrastructure.Production.BatchExecutionService>();
        await execution.StartAsync(number, supervisor);
        await page.Locator("[data-action=start-step]").WaitForAsync(new() { Timeout = 10_000 });
        await execution.HoldAsync(number, "Line clearance check by QA", supervisor);
        var held = page.Locator(".alert", new() { HasText = "Held:" });
        await held.WaitForAsync(new() { Timeout = 10_000 });

        Assert.Contains("Line clearance check by QA", await held.TextContentAsync());
        Assert.Equal(0, await page.Locator("[data-action=start-batch]").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("window.mesNotReloaded === true"), "The page was reloaded instead of following the batch.");
    }

    [Fact]
    public async Task AHoldReasonTypedAtFullSpeedArrivesWholeAndEnterHoldsTheBatch()
    {
        const string Why = "Granulator GRAN-01 cleaning overran; QA informed (ref. CC-2026-0417, 3,5 h)";
        var number = await NewBatchAsync();
        var page = await chromium.SignInAsync(app, "operator");
        await page.SetViewportSizeAsync(1024, 768);
        await page.GotoAsync(new Uri(app.BaseAddress, $"/batches/{number}/execute").ToString());
        await OpenedAsync(page);
        await page.ClickAsync("[data-action=start-batch]");
        await page.Locator("[data-action=start-step]:not([disabled])").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Hold…" }).ClickAsync();

        // The cursor waits in the reason; Enter with nothing typed says what is missing and holds nothing.
        await Expect(page.Locator("#batch-reason")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var missing = page.Locator("[data-reason-error]");
        await missing.WaitForAsync();
        var missingText = await missing.TextContentAsync();
        await page.Keyboard.TypeAsync(Why, new() { Delay = 0 });
        await page.Keyboard.PressAsync("Enter");
        var held = page.Locator(".alert", new() { HasText = "Held:" });
        await held.WaitForAsync();
        await Screenshots.SaveAsync(page, "execution-held-1024", fullPage: false);

        Assert.Contains("Say why the batch is held", missingText);
        Assert.Equal($"❚❚ Held: {Why}", (await held.TextContentAsync())?.Trim());
    }

    private static async Task SignAsync(IPage page, string action, string userName)
    {
        await page.ClickAsync(action);
        await SignOpenedAsync(page, userName);
    }

    private static async Task SignOpenedAsync(IPage page, string userName)
    {
        var dialog = page.Locator("[data-testid=signature-dialog]");
        await PageState.ExpectAsync(page, dialog, "sign-shopfloorentry");
        Assert.Equal(userName, await page.Locator("#sign-username").InputValueAsync());
        await page.FillAsync("#sign-password", LivePlantApp.Password);
        await page.ClickAsync("[data-testid=signature-sign]");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 60_000 });
    }

    /// <summary>An approved two-step recipe (a weighing on a booth, then a moisture check), a released order, and its batch.</summary>
    private async Task<string> NewBatchAsync()
    {
        await ShopFloorSetup.EnsureApprovedRecipeAsync(app.Services, Product, "Keyboard test tablets", 1_000m, recipe =>
        {
            recipe.AddStep("Dispensing", "Weigh the binder into a clean, labelled container.", EquipmentClass.DispensingBooth);
            recipe.AddMaterial(new MaterialCode("EXC-PVP"), new Quantity(2m, "kg"), 2m, 2m, 1);
            recipe.AddStep("Moisture check", "Measure the granule moisture with the halogen analyser.");
            recipe.AddCheck(2, "Granule moisture", new UnitOfMeasure("%"), new ValueRange(0, 3));
        });
        // The booth is cleaned between batches, as on the shop floor: each test finds it fit.
        await ShopFloorSetup.EnsureCleanAsync(app.Services, "DISP-01", LivePlantApp.Password);
        return await ShopFloorSetup.NewBatchAsync(app.Services, Product, 1_000m);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}

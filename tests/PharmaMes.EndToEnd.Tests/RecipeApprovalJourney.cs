using Microsoft.Playwright;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// QA reviews the Draft version 2 of the tablet recipe against the approved version 1 and approves it
/// with an electronic signature; version 1 becomes Obsolete.
/// </summary>
public class RecipeApprovalJourney(LivePlantApp app, Chromium chromium) : IClassFixture<LivePlantApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task QaComparesTheDraftWithTheApprovedVersionAndApprovesItWithASignature()
    {
        var page = await chromium.SignInAsync(app, "qa");
        await page.ClickAsync("a[href='/recipes']");
        await page.WaitForURLAsync("**/recipes", Chromium.Committed);
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        var draftRow = page.Locator("[data-testid=recipes] tr[data-product='FG-PARA500'][data-version='2']");
        await draftRow.WaitForAsync();
        await Screenshots.SaveAsync(page, "recipe-list");
        Assert.Equal("Draft", await draftRow.GetAttributeAsync("data-status"));

        await draftRow.GetByRole(AriaRole.Link, new() { Name = "Open" }).ClickAsync();
        await page.WaitForURLAsync("**/recipes/*", Chromium.Committed);
        var draftUrl = page.Url;
        await page.Locator("[data-testid=recipe-changes]").WaitForAsync();
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        await Screenshots.SaveAsync(page, "recipe-view", fullPage: true);
        Assert.Contains("Draft — not approved", await page.Locator("[data-testid=recipe-banner]").TextContentAsync());
        Assert.Contains("Main compression force target 15 -> 16 kN", await page.Locator("[data-testid=recipe-changes]").TextContentAsync());
        // The change is marked where the reviewer reads the step, with the value it replaces.
        Assert.Contains("changed, was 15 kN, 12 – 18 kN", await page.Locator("tr.mes-row-changed[data-parameter='Main compression force']").TextContentAsync());
        Assert.Equal(1, await page.Locator("[data-testid=changed-mark]").CountAsync());

        await page.ClickAsync("[data-testid=recipe-compare]");
        await page.WaitForURLAsync("**/recipes/compare?a=*", Chromium.Committed);
        var differences = page.Locator("[data-testid=compare-differences] tbody tr");
        await differences.First.WaitForAsync();
        await Screenshots.SaveAsync(page, "recipe-compare");
        Assert.Equal(1, await differences.CountAsync());
        Assert.Equal("Changed", await differences.First.GetAttributeAsync("data-kind"));
        Assert.Contains("Step 4 Compression: parameter Main compression force target 15 -> 16 kN", await differences.First.TextContentAsync());

        // Back to the draft, as the reviewer would from the comparison.
        await page.ClickAsync("[data-testid=compare-open-to]");
        await page.WaitForURLAsync(draftUrl, Chromium.Committed);
        await page.Locator("[data-testid=recipe-approve]").WaitForAsync();
        await page.ClickAsync("[data-testid=recipe-approve]");
        var dialog = page.Locator("[data-testid=signature-dialog]");
        await PageState.ExpectAsync(page, dialog, "sign-recipeapproval");
        Assert.Equal("qa", await page.InputValueAsync("#sign-username"));
        Assert.Contains("version 2", await dialog.Locator("[data-testid=signature-what]").TextContentAsync());
        await page.FillAsync("#sign-password", LivePlantApp.Password);
        await page.FillAsync("#sign-comment", "Higher force reviewed against the hardness trend.");
        await Screenshots.SaveAsync(page, "recipe-approve");
        await page.ClickAsync("[data-testid=signature-sign]");

        var manifestation = page.Locator("[data-testid=signature-manifestation]");
        await manifestation.WaitForAsync(new() { Timeout = 60_000 });
        await Screenshots.SaveAsync(page, "recipe-approved");
        Assert.Equal(0, await dialog.CountAsync());
        Assert.Matches(@"Quinn Andersen — Approved — \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC", await manifestation.TextContentAsync());
        Assert.Equal("true", await manifestation.GetAttributeAsync("data-valid"));
        Assert.Contains("Approved — in force", await page.Locator("[data-testid=recipe-banner]").TextContentAsync());
        Assert.Contains("Version 1 is now Obsolete", await page.Locator("[data-testid=recipe-message]").TextContentAsync());
        Assert.Equal("Obsolete", await page.Locator("[data-testid=recipe-versions] tr[data-version='1']").GetAttributeAsync("data-status"));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Infrastructure.Materials;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// A planner adds a material on the materials page: a wrong field is explained next to it and
/// nothing is saved; once corrected, the material is listed and its creation audited with the reason.
/// </summary>
public class MaterialMasterJourney(LivePlantApp app, Chromium chromium) : IClassFixture<LivePlantApp>, IClassFixture<Chromium>
{
    private const string Code = "EXC-TALC";
    private const string Reason = "Second glidant qualified for the OSD line";

    [Fact]
    public async Task APlannerCreatesAMaterialAfterCorrectingAnInvalidShelfLife()
    {
        var page = await chromium.SignInAsync(app, "planner");
        await page.SetViewportSizeAsync(1024, 768);
        await page.ClickAsync("a[href='/materials']");
        await page.WaitForURLAsync("**/materials", Chromium.Committed);
        await page.Locator("[data-testid=materials-table]").WaitForAsync();
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();

        await page.FillAsync("#material-code", Code);
        await page.FillAsync("#material-name", "Talc");
        await page.SelectOptionAsync("#material-type", "Excipient");
        await page.FillAsync("#material-unit", "kg");
        await page.FillAsync("#material-reorder", "40");
        await page.FillAsync("#material-safety", "10");
        await page.FillAsync("#material-shelf-life", "0");
        await page.FillAsync("#material-storage", "15–25 °C, dry");
        await page.FillAsync("#material-reason", Reason);
        await page.ClickAsync("button:has-text('Create material')");
        var shelfLifeMessage = page.Locator("div:has(> #material-shelf-life) .validation-message");
        await shelfLifeMessage.WaitForAsync();
        await Screenshots.SaveAsync(page, "materials-invalid-shelf-life");

        Assert.Contains("at least one day", await shelfLifeMessage.TextContentAsync());
        Assert.Equal(1, await page.Locator(".validation-message").CountAsync());
        Assert.Null(await app.Services.GetRequiredService<MaterialMasterService>().GetAsync(Code));

        await page.FillAsync("#material-shelf-life", "1095");
        await page.ClickAsync("button:has-text('Create material')");
        var row = page.Locator($"tr[data-material='{Code}']");
        await row.WaitForAsync();
        await row.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "materials");

        var text = await row.TextContentAsync();
        Assert.Contains("Talc", text);
        Assert.Contains("1095 d", text);
        Assert.Contains("15–25 °C, dry", text);
        Assert.Contains($"Material {Code} (Talc) was created.", await page.Locator("[data-testid=materials-message]").TextContentAsync());
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<MesDbContext>>().CreateDbContextAsync();
        var created = await db.AuditEntries.Where(a => a.EntityType == "Material" && a.EntityLabel == Code).ToListAsync();
        Assert.NotEmpty(created);
        Assert.All(created, a => Assert.Equal(("planner", Reason), (a.UserName, a.Reason)));
    }

    [Fact]
    public async Task AChangeOfStorageConditionIsAuditedWithItsReason()
    {
        var page = await chromium.SignInAsync(app, "qa");
        await page.GotoAsync(new Uri(app.BaseAddress, "/materials").ToString());
        await page.Locator("[data-testid=materials-table]").WaitForAsync();
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();

        await page.ClickAsync("tr[data-material='EXC-MGST'] button");
        await page.Locator("h2:has-text('Edit EXC-MGST')").WaitForAsync();
        await page.FillAsync("#material-storage", "Below 25 °C, tightly closed");
        await page.FillAsync("#material-reason", "Supplier's revised storage statement");
        await page.ClickAsync("button:has-text('Save changes')");
        await page.Locator("[data-testid=materials-message]").WaitForAsync();

        Assert.Contains("Below 25 °C, tightly closed", await page.Locator("tr[data-material='EXC-MGST']").TextContentAsync());
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<MesDbContext>>().CreateDbContextAsync();
        var change = await db.AuditEntries.SingleAsync(a => a.EntityType == "Material" && a.EntityLabel == "EXC-MGST" && a.Field == "StorageCondition");
        Assert.Equal(("qa", "Supplier's revised storage statement", null, "Below 25 °C, tightly closed"), (change.UserName, change.Reason, change.OldValue, change.NewValue));
    }
}

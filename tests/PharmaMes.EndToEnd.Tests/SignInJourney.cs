using Microsoft.Playwright;

namespace PharmaMes.EndToEnd.Tests;

public class SignInJourney(LivePlantApp app, Chromium chromium) : IClassFixture<LivePlantApp>, IClassFixture<Chromium>
{
    private async Task<IPage> SignInAsync(string userName, string password)
    {
        var terminal = await chromium.NewTerminalAsync();
        var page = await terminal.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/plant").ToString());
        await page.WaitForURLAsync("**/account/login**", Chromium.Committed);
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        return page;
    }

    [Fact]
    public async Task AnOperatorSignsInAndSeesThePlantOverview()
    {
        var page = await SignInAsync("operator", LivePlantApp.Password);

        await page.WaitForURLAsync("**/plant", Chromium.Committed);
        await page.Locator("[data-equipment='TP-01']").WaitForAsync();
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        await Screenshots.SaveAsync(page, "plant-overview");
        await Screenshots.SaveAsync(page, "plant-overview-full", fullPage: true);

        Assert.Equal("Olga Petrova", (await page.Locator(".mes-user-name").TextContentAsync())?.Trim());
        Assert.Contains("Running", await page.Locator("[data-equipment='TP-01'] .mes-badge").First.TextContentAsync());
        Assert.Equal(1, await page.Locator("[data-down='BLIS-01']").CountAsync());
        Assert.Equal(10, await page.Locator("[data-equipment]").CountAsync());
        Assert.Equal(0, await page.Locator("a[href='/admin/users']").CountAsync());
        Assert.True(await page.Locator("[data-material='API-PARA']").IsVisibleAsync());
    }

    [Fact]
    public async Task AWrongPasswordIsExplainedOnTheLoginPage()
    {
        var page = await SignInAsync("planner", "definitely-wrong-password");

        var error = page.Locator("[data-testid=login-error]");
        await error.WaitForAsync();
        await Screenshots.SaveAsync(page, "login-wrong-password");

        Assert.Contains("not correct", await error.TextContentAsync());
        Assert.Contains("/account/login", page.Url);
    }

    [Fact]
    public async Task AnAdministratorCreatesAUserWithARole()
    {
        var page = await SignInAsync("admin", LivePlantApp.Password);
        await page.WaitForURLAsync("**/plant", Chromium.Committed);
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        await page.ClickAsync("a[href='/admin/users']");
        await page.WaitForURLAsync("**/admin/users", Chromium.Committed);
        await page.Locator("[data-testid=users-table]").WaitForAsync();
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();

        await page.FillAsync("#new-username", "k.larsen");
        await page.FillAsync("#new-fullname", "Karin Larsen");
        await page.FillAsync("#new-password", "a-long-initial-pass");
        await page.Locator("label.mes-role-choice", new() { HasText = "QA" }).First.ClickAsync();
        await page.ClickAsync("button:has-text('Create user')");
        var message = page.Locator("[data-testid=users-message]");
        await message.WaitForAsync();
        await Screenshots.SaveAsync(page, "admin-users", fullPage: true);

        Assert.Contains("k.larsen", await message.TextContentAsync());
        Assert.Contains("QA", await page.Locator("tr[data-user='k.larsen']").TextContentAsync());
    }
}

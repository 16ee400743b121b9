using Microsoft.Playwright;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>A shared terminal left alone signs itself out, after warning.</summary>
public class IdleSignOut(IdleSignOut.ShortIdleApp app, Chromium chromium) : IClassFixture<IdleSignOut.ShortIdleApp>, IClassFixture<Chromium>
{
    public sealed class ShortIdleApp : LivePlantApp
    {
        // 0.1 minute: 6 seconds of no input, with the warning in the last 1.5 seconds.
        protected override IReadOnlyDictionary<string, string> Settings =>
            new Dictionary<string, string> { ["Security:IdleTimeoutMinutes"] = "0.1" };
    }

    [Fact]
    public async Task ATerminalLeftAloneWarnsThenSignsOut()
    {
        var terminal = await chromium.NewTerminalAsync();
        var page = await terminal.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/account/login").ToString());
        await page.FillAsync("#username", "operator");
        await page.FillAsync("#password", LivePlantApp.Password);
        await page.ClickAsync("button[type=submit]");
        await page.Locator(".mes-shell").WaitForAsync();

        await page.Locator("#mes-idle-warning").WaitForAsync(new() { Timeout = 45_000 });
        await Screenshots.SaveAsync(page, "idle-warning");
        await page.WaitForURLAsync("**/account/login?signedOut=idle", new() { Timeout = 45_000, WaitUntil = WaitUntilState.Commit });
        await Screenshots.SaveAsync(page, "idle-signed-out");

        Assert.Contains("signed out after a time without input", await page.ContentAsync());
        var again = await page.GotoAsync(new Uri(app.BaseAddress, "/plant").ToString());
        Assert.Contains("/account/login", page.Url);
        Assert.NotNull(again);
    }
}

using Microsoft.Playwright;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>Debian's Chromium driven by Playwright: no browser download, nothing leaves the machine.</summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    /// <summary>
    /// Waits only until the new address is committed: the elements a test waits for next say when
    /// the page is ready, and a "load" event that fired before the wait began cannot stall it.
    /// </summary>
    public static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    /// <summary>Generous waits: the test projects share two cores, and a slow moment is not a failure.</summary>
    private const float DefaultTimeoutMs = 60_000;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"Chromium is not installed at {ExecutablePath}: run ./test.sh, which installs it.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser profile at the size of a shop-floor touch screen.</summary>
    public async Task<IBrowserContext> NewTerminalAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(DefaultTimeoutMs);
        context.SetDefaultNavigationTimeout(DefaultTimeoutMs);
        return context;
    }

    /// <summary>Signs in on a fresh terminal through the login page and waits until the screen is live.</summary>
    public async Task<IPage> SignInAsync(LivePlantApp app, string userName)
    {
        var page = await (await NewTerminalAsync()).NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/account/login").ToString());
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", LivePlantApp.Password);
        await page.ClickAsync("button[type=submit]");
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}

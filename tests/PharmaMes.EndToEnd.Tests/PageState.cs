using Microsoft.Playwright;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// What a page showed when a test's wait ran out: its address, whether the live connection was lost or the app failed,
/// the validation and error messages on it, and a screenshot beside the others; so a failure names its cause.
/// </summary>
public static class PageState
{
    public static async Task<string> DescribeAsync(IPage page, string name)
    {
        var shot = await Screenshots.SaveAsync(page, "failed-" + name, fullPage: true);
        var interactive = await page.Locator(".mes-shell[data-interactive]").CountAsync() > 0;
        var appError = await page.Locator("#blazor-error-ui").IsVisibleAsync();
        var reconnecting = await page.Locator("#components-reconnect-modal[open]").CountAsync() > 0;
        var messages = await page.Locator(".validation-message, [data-form-error], [data-outcome]").AllTextContentsAsync();
        return $"Page {page.Url}: interactive={interactive}, app error shown={appError}, reconnecting={reconnecting}; "
               + $"messages: [{string.Join(" | ", messages.Select(m => m.Trim()))}]; screenshot {shot}";
    }

    /// <summary>Waits for <paramref name="locator"/>; when it does not come, fails with what the page showed instead.</summary>
    public static async Task ExpectAsync(IPage page, ILocator locator, string name, float timeoutMs = 60_000)
    {
        try
        {
            await locator.WaitForAsync(new() { Timeout = timeoutMs });
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message.Split('\n')[0]} {await DescribeAsync(page, name)}", ex);
        }
    }
}

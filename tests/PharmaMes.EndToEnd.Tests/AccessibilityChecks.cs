using System.Text.Json;
using Microsoft.Playwright;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// axe-core (installed by test.sh from npm) run in Chromium at 1024×768 on the pages people work on all day:
/// no critical or serious violation of WCAG 2.1 A/AA.
/// </summary>
public class AccessibilityChecks(LivePlantApp app, Chromium chromium) : IClassFixture<LivePlantApp>, IClassFixture<Chromium>
{
    private static readonly string Axe = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "axe", "node_modules", "axe-core", "axe.min.js");

    private static async Task<List<string>> SeriousViolationsAsync(IPage page)
    {
        Assert.True(File.Exists(Axe), $"axe-core is not installed at {Axe}: run ./test.sh, which installs it.");
        // Evaluated by the browser's debugging protocol: the page's content policy rightly refuses an injected script tag.
        await page.EvaluateAsync(await File.ReadAllTextAsync(Axe));
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)");
        return result.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    [Fact]
    public async Task TheSignInPageHasNoSeriousViolations()
    {
        var page = await (await chromium.NewTerminalAsync()).NewPageAsync();
        await page.SetViewportSizeAsync(1024, 768);
        await page.GotoAsync(new Uri(app.BaseAddress, "/account/login").ToString());
        await page.Locator("#username").WaitForAsync();

        var violations = await SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [InlineData("operator", "/")]
    [InlineData("operator", "/work")]
    [InlineData("operator", "/batches/B-2026-0005/execute")]
    [InlineData("qa", "/batches/B-2026-0002/record")]
    [InlineData("planner", "/inventory")]
    [InlineData("maintenance", "/maintenance")]
    public async Task AWorkingPageHasNoSeriousViolations(string userName, string path)
    {
        var page = await chromium.SignInAsync(app, userName);
        await page.SetViewportSizeAsync(1024, 768);
        await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        await page.Locator("h1").First.WaitForAsync();

        var violations = await SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}

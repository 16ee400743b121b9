namespace PharmaMes.EndToEnd.Tests;

/// <summary>A QA reviewer narrows the audit trail to one record type and checks the chain is intact.</summary>
public class AuditTrailReview(LivePlantApp app, Chromium chromium) : IClassFixture<LivePlantApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task QaFiltersTheTrailByRecordTypeAndVerifiesTheChain()
    {
        var page = await chromium.SignInAsync(app, "qa");
        await page.ClickAsync("a[href='/audit']");
        await page.WaitForURLAsync("**/audit", Chromium.Committed);
        await page.Locator("[data-testid=audit-entries] tbody tr").First.WaitForAsync();
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();

        await page.SelectOptionAsync("#audit-type", "User");
        await page.ClickAsync("[data-testid=audit-apply]");
        // The filter moves to a new address within the page; polled, as a waited-for navigation event can pass unseen.
        await page.WaitForFunctionAsync("""
            () => location.search === '?entityType=User'
                && document.querySelectorAll('[data-testid=audit-entries] tbody tr').length > 0
                && [...document.querySelectorAll('[data-testid=audit-entries] tbody tr')].every(r => r.dataset.entityType === 'User')
            """);
        var rows = page.Locator("[data-testid=audit-entries] tbody tr");

        await page.ClickAsync("[data-testid=audit-verify]");
        var verdict = page.Locator("[data-testid=audit-verdict]");
        await verdict.WaitForAsync(new() { Timeout = 60_000 });
        // The first created record opened, as a reviewer would to read its fields.
        await page.Locator("details.mes-audit-long summary").First.ClickAsync();
        await Screenshots.SaveAsync(page, "audit-trail", fullPage: true);

        Assert.True(await rows.CountAsync() > 0);
        Assert.Contains("Chain intact:", await verdict.TextContentAsync());
        Assert.Contains("entries checked", await verdict.TextContentAsync());
        Assert.Equal("/api/v1/audit/export.csv?entityType=User", await page.Locator("[data-testid=audit-export]").GetAttributeAsync("href"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=audit-export]"));
        Assert.Matches(@"^audit-trail-\d{8}T\d{6}Z\.csv$", download.SuggestedFilename);
    }
}

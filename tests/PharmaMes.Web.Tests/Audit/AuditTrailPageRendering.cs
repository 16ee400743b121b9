using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Identity;
using PharmaMes.Web.Components.Pages.Audit;

namespace PharmaMes.Web.Tests.Audit;

/// <summary>The audit page over the real trail of the demo database.</summary>
public class AuditTrailPageRendering : BunitContext, IClassFixture<MesWebFactory>
{
    private readonly MesWebFactory _factory;

    public AuditTrailPageRendering(MesWebFactory factory)
    {
        _factory = factory;
        Services.AddSingleton(factory.Services.GetRequiredService<AuditTrailService>());
    }

    // The demo keeps writing to the trail in the background; the paging tests look only at
    // this actor's entries so that no new entry shifts a page between two reads.
    private const string PagerActor = "pager.admin";

    /// <summary>Creates users (two entries each: the user and its role) until the pager actor's entries fill more than one page.</summary>
    private async Task<int> FillMoreThanOnePageAsync()
    {
        var trail = _factory.Services.GetRequiredService<AuditTrailService>();
        var users = _factory.Services.GetRequiredService<UserAdministration>();
        var by = new AuditActor(Guid.CreateVersion7(), PagerActor);
        var total = (await trail.FindAsync(new AuditFilter(User: PagerActor), 1, 1)).Total;
        for (var i = 0; total <= AuditTrailPage.PageSize; i++)
        {
            await users.CreateAsync(new NewUser($"pager.{i}.{Guid.NewGuid():N}"[..30], "Pager Probe", "a-long-enough-password", [MesRoles.Operator]), by);
            total = (await trail.FindAsync(new AuditFilter(User: PagerActor), 1, 1)).Total;
        }
        return total;
    }

    private IRenderedComponent<AuditTrailPage> RenderAt(string url)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var page = Render<AuditTrailPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=audit-total]")));
        return page;
    }

    [Fact]
    public void ShowsTheEntriesOfTheFilterFromTheAddressNewestFirstAndExportsTheSameFilter()
    {
        var page = RenderAt("/audit?entityType=User");

        var rows = page.FindAll("[data-testid=audit-entries] tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("User", r.GetAttribute("data-entity-type")));
        var sequences = rows.Select(r => long.Parse(r.GetAttribute("data-sequence")!)).ToList();
        Assert.Equal(sequences.OrderDescending(), sequences);
        Assert.Equal("/api/v1/audit/export.csv?entityType=User", page.Find("[data-testid=audit-export]").GetAttribute("href"));
        Assert.Equal("User", page.Find("#audit-type").GetAttribute("value"));
        Assert.Contains("Page 1 of 1", page.Find("[data-testid=audit-page]").TextContent);
    }

    [Fact]
    public void ACreatedRecordIsCutShortWithEachOfItsFieldsOneClickAway()
    {
        var page = RenderAt("/audit?entityType=User&action=Created");

        var created = page.Find("[data-testid=audit-entries] tbody tr");
        Assert.Contains("Created", created.QuerySelector(".mes-badge")!.TextContent);
        var details = created.QuerySelector("details.mes-audit-long")!;
        Assert.EndsWith("…", details.QuerySelector("summary .mes-audit-value")!.TextContent);
        var fields = details.QuerySelectorAll("dl.mes-audit-fields dt").Select(dt => dt.TextContent).ToList();
        Assert.Contains("UserName", fields);
        Assert.Contains("FullName", fields);
    }

    [Fact]
    public void VerifyingShowsTheChainIntactWithTheNumberOfEntriesChecked()
    {
        var page = RenderAt("/audit");

        page.Find("[data-testid=audit-verify]").Click();

        page.WaitForAssertion(() => Assert.Contains("Chain intact:", page.Find("[data-testid=audit-verdict]").TextContent));
        var verdict = page.Find("[data-testid=audit-verdict]");
        Assert.Contains("alert-success", verdict.ClassList);
        Assert.Matches(@"Chain intact: [\d,]+ entries checked\.", verdict.TextContent);
    }

    [Fact]
    public async Task TheTrailIsPagedByAHundredWithPageXOfY()
    {
        var total = await FillMoreThanOnePageAsync();
        var pages = (total + 99) / 100;
        var page = RenderAt($"/audit?user={PagerActor}");

        Assert.Equal(100, page.FindAll("[data-testid=audit-entries] tbody tr").Count);
        Assert.Equal($"Page 1 of {pages}", page.Find("[data-testid=audit-page]").TextContent.Trim());
        Assert.Contains($"{total:#,0} entries match", page.Find("[data-testid=audit-total]").TextContent);
        var newest = long.Parse(page.Find("[data-testid=audit-entries] tbody tr").GetAttribute("data-sequence")!);

        page.FindAll(".mes-audit-pager button").Single(b => b.TextContent.Contains("Next")).Click();

        page.WaitForAssertion(() => Assert.Equal($"Page 2 of {pages}", page.Find("[data-testid=audit-page]").TextContent.Trim()));
        Assert.EndsWith("page=2", Services.GetRequiredService<NavigationManager>().Uri);
        var rows = page.FindAll("[data-testid=audit-entries] tbody tr");
        Assert.Equal(Math.Min(100, total - 100), rows.Count);
        // The 101st newest of the filter's entries (background jobs write their own entries in between).
        var trail = _factory.Services.GetRequiredService<AuditTrailService>();
        var secondPage = await trail.FindAsync(new AuditFilter(User: PagerActor), 2, AuditTrailPage.PageSize);
        Assert.Equal(secondPage.Entries[0].Sequence, long.Parse(rows[0].GetAttribute("data-sequence")!));
        Assert.True(secondPage.Entries[0].Sequence < newest);
    }

    [Theory]
    [InlineData("/audit?user=pager.admin&page=abc", false)]
    [InlineData("/audit?user=pager.admin&page=99999", true)]
    public async Task AMistypedOrPastTheEndPageNumberShowsAPageOfEntries(string url, bool last)
    {
        var pages = (await FillMoreThanOnePageAsync() + 99) / 100;

        var page = RenderAt(url);

        Assert.Equal($"Page {(last ? pages : 1)} of {pages}", page.Find("[data-testid=audit-page]").TextContent.Trim());
        Assert.NotEmpty(page.FindAll("[data-testid=audit-entries] tbody tr"));
    }
}

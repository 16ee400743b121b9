using PharmaMes.Infrastructure.Live;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Infrastructure.Identity;
using PharmaMes.Infrastructure.Quality;
using PharmaMes.Web.Components.Pages.Quality;

namespace PharmaMes.Web.Tests.Quality;

/// <summary>The quality exceptions page over the real services: raising by hand validates next to each field and saves nothing partial.</summary>
public class QualityExceptionsPageRendering : BunitContext, IClassFixture<MesWebFactory>
{
    private readonly MesWebFactory _factory;

    public QualityExceptionsPageRendering(MesWebFactory factory)
    {
        _factory = factory;
        Services.AddSingleton(factory.Services.GetRequiredService<QualityExceptionService>());
        Services.AddSingleton(factory.Services.GetRequiredService<PharmaMes.Infrastructure.Live.LiveEvents>());
    }

    private async Task SignInAsAsync(string userName, string role)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<MesUser>>().FindByNameAsync(userName))!;
        var authorization = AddAuthorization();
        authorization.SetAuthorized(userName);
        authorization.SetRoles(role);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()));
    }

    [Fact]
    public async Task AnEmptyRaiseFormNamesEachMissingFieldAndRaisesNothing()
    {
        await SignInAsAsync("operator", MesRoles.Operator);
        var before = (await _factory.Services.GetRequiredService<QualityExceptionService>().ListAsync(openOnly: false)).Count;
        var page = Render<QualityExceptionsPage>();

        page.Find("#qe-step").Change("2");
        page.Find("form[data-testid=raise-exception]").Submit();

        var messages = page.FindAll(".validation-message").Select(m => m.TextContent).ToList();
        Assert.Contains("Say in a few words what happened.", messages);
        Assert.Contains("Describe what was seen, where and when.", messages);
        Assert.Contains("Give the batch the step belongs to.", messages);
        Assert.Equal(before, (await _factory.Services.GetRequiredService<QualityExceptionService>().ListAsync(openOnly: false)).Count);
    }

    [Fact]
    public async Task ARaisedExceptionIsListedOpenWithItsSeverityAndWhoRaisedIt()
    {
        await SignInAsAsync("operator", MesRoles.Operator);
        var page = Render<QualityExceptionsPage>();

        page.Find("#qe-severity").Change("Major");
        page.Find("#qe-title").Change("Broken sieve found after sizing");
        page.Find("#qe-description").Change("The 1.0 mm screen of the mill had a 3 mm tear at the rim.");
        page.Find("form[data-testid=raise-exception]").Submit();

        page.WaitForAssertion(() => Assert.Contains("raised", page.Find("[data-outcome]").TextContent));
        var raised = page.FindAll("article[data-exception]").Single(a => a.TextContent.Contains("Broken sieve found after sizing"));
        Assert.Contains("Major", raised.TextContent);
        Assert.Contains("Open", raised.TextContent);
        Assert.Contains("by operator (Manual)", raised.TextContent);
        // Only QA closes: an operator sees no closing controls.
        Assert.Empty(raised.QuerySelectorAll("[data-action=close-exception]"));
    }

    private async Task<PharmaMes.Infrastructure.Audit.AuditActor> PersonAsync(string userName)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<MesUser>>().FindByNameAsync(userName))!;
        return new PharmaMes.Infrastructure.Audit.AuditActor(user.Id, userName);
    }

    [Fact]
    public async Task AnExceptionRaisedElsewhereAppearsOnTheOpenPage()
    {
        await SignInAsAsync("qa", MesRoles.QA);
        var page = Render<QualityExceptionsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("form[data-testid=raise-exception]")));

        var number = await _factory.Services.GetRequiredService<QualityExceptionService>().RaiseAsync(PharmaMes.Domain.Quality.QualityExceptionSeverity.Minor,
            "Torn glove found at the booth", "Replaced at once; no product contact.", null, null,
            await PersonAsync("operator"));

        page.WaitForAssertion(() => Assert.Contains("Torn glove found at the booth", page.Find($"article[data-exception='{number}']").TextContent), TimeSpan.FromSeconds(5));
    }
}

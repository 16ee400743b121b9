using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Infrastructure.Alerts;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Identity;
using PharmaMes.Infrastructure.Live;
using PharmaMes.Web.Components.Shared;
using PharmaMes.Web.Security;

namespace PharmaMes.Web.Tests.Alerts;

/// <summary>The dashboard's alerts panel over the real services: states in words, acknowledged in place, updated live.</summary>
public class AlertsPanelRendering : BunitContext, IClassFixture<MesWebFactory>
{
    private readonly MesWebFactory _factory;

    public AlertsPanelRendering(MesWebFactory factory)
    {
        _factory = factory;
        Services.AddSingleton(factory.Services.GetRequiredService<AlertQueries>());
        Services.AddSingleton(factory.Services.GetRequiredService<AlertAcknowledgement>());
        Services.AddSingleton(factory.Services.GetRequiredService<LiveEvents>());
    }

    private async Task SignInAsAsync(string userName, string role, bool mayAcknowledge)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<MesUser>>().FindByNameAsync(userName))!;
        var authorization = AddAuthorization();
        authorization.SetAuthorized(userName);
        authorization.SetRoles(role);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()));
        if (mayAcknowledge)
            authorization.SetPolicies(Policies.EquipmentCare);
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<AlertsPanel> panel, Guid id) => panel.Find($"li[data-alert='{id}']");

    [Fact]
    public async Task AnOperatorAcknowledgesAnAlertInPlaceWithAComment()
    {
        await SignInAsAsync("operator", MesRoles.Operator, mayAcknowledge: true);
        var alert = await TestAlerts.RaiseAsync(_factory.Services);
        var panel = Render<AlertsPanel>();

        Assert.Contains("Active, not acknowledged", Row(panel, alert.Id).QuerySelector("[data-alarm-state]")!.TextContent);
        Assert.Empty(Row(panel, alert.Id).QuerySelectorAll("[data-testid=acknowledge-form]"));
        Row(panel, alert.Id).QuerySelector("[data-action=acknowledge]")!.Click();
        panel.Find($"#ack-comment-{alert.Id}").Change("Maintenance called");
        panel.Find($"li[data-alert='{alert.Id}'] form[data-testid=acknowledge-form]").Submit();

        panel.WaitForAssertion(() => Assert.Equal("ActiveAcknowledged", Row(panel, alert.Id).GetAttribute("data-state")));
        var row = Row(panel, alert.Id);
        Assert.Contains("Active, acknowledged", row.QuerySelector("[data-alarm-state]")!.TextContent);
        Assert.Matches(@"^Acknowledged by Olga Petrova at \d{2}:\d{2} UTC — Maintenance called$", row.QuerySelector("[data-testid=acknowledged]")!.TextContent.Trim());
        Assert.Empty(row.QuerySelectorAll("[data-action=acknowledge]"));
        var stored = await _factory.Services.GetRequiredService<AlertQueries>().GetAsync(alert.Id);
        Assert.Equal("operator", stored!.AcknowledgedBy);
    }

    [Fact]
    public async Task AClearedAlertStaysUntilAcknowledgedAndThenLeavesTheList()
    {
        await SignInAsAsync("qa", MesRoles.QA, mayAcknowledge: true);
        var alert = await TestAlerts.RaiseAsync(_factory.Services, "BR-01", cleared: true);
        var panel = Render<AlertsPanel>();

        Assert.Contains("Cleared, not acknowledged", Row(panel, alert.Id).TextContent);
        Row(panel, alert.Id).QuerySelector("[data-action=acknowledge]")!.Click();
        panel.Find($"li[data-alert='{alert.Id}'] form[data-testid=acknowledge-form]").Submit();

        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll($"li[data-alert='{alert.Id}']")));
    }

    [Fact]
    public async Task SomeoneWhoMayNotAcknowledgeSeesTheStateButNoButton()
    {
        await SignInAsAsync("planner", MesRoles.Planner, mayAcknowledge: false);
        var alert = await TestAlerts.RaiseAsync(_factory.Services);
        var panel = Render<AlertsPanel>();

        Assert.Contains("Active, not acknowledged", Row(panel, alert.Id).TextContent);
        Assert.Empty(Row(panel, alert.Id).QuerySelectorAll("[data-action=acknowledge]"));
    }

    [Fact]
    public async Task OnAnEquipmentPageThePanelShowsOnlyThatEquipmentsAlerts()
    {
        await SignInAsAsync("operator", MesRoles.Operator, mayAcknowledge: true);
        var mine = await TestAlerts.RaiseAsync(_factory.Services, "COAT-01");
        var other = await TestAlerts.RaiseAsync(_factory.Services, "GR-01");

        var panel = Render<AlertsPanel>(ps => ps.Add(p => p.Source, "COAT-01"));

        Assert.Single(panel.FindAll($"li[data-alert='{mine.Id}']"));
        Assert.Empty(panel.FindAll($"li[data-alert='{other.Id}']"));
        Assert.All(panel.FindAll("li[data-alert]"), li => Assert.Equal("COAT-01", li.GetAttribute("data-source")));
    }

    [Fact]
    public async Task AnAcknowledgementElsewhereAndANewAlertShowWithoutReloading()
    {
        await SignInAsAsync("operator", MesRoles.Operator, mayAcknowledge: true);
        var first = await TestAlerts.RaiseAsync(_factory.Services);
        var panel = Render<AlertsPanel>();
        await using var scope = _factory.Services.CreateAsyncScope();
        var supervisor = await scope.ServiceProvider.GetRequiredService<UserManager<MesUser>>().FindByNameAsync("supervisor");

        await _factory.Services.GetRequiredService<AlertAcknowledgement>()
            .AcknowledgeAsync(first.Id, "Seen on the line", new AuditActor(supervisor!.Id, "supervisor"));
        var second = await TestAlerts.RaiseAsync(_factory.Services, "GR-01");
        _factory.Services.GetRequiredService<LiveEvents>().Publish(new AlertRaised(second.Id, second.Kind, second.Source, second.Message, second.RaisedAt));

        panel.WaitForAssertion(() =>
        {
            Assert.Contains("Acknowledged by Samuel Okafor", Row(panel, first.Id).TextContent);
            Assert.Equal("ActiveUnacknowledged", Row(panel, second.Id).GetAttribute("data-state"));
        }, TimeSpan.FromSeconds(5));
    }
}

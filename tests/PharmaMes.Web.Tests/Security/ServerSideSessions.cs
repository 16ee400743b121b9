using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Domain.Audit;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Identity;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Web.Tests.Security;

/// <summary>Sessions and keys that really end: on sign-out, when a user is disabled or their roles change, when a key is revoked.</summary>
public class ServerSideSessions(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private static readonly AuditActor Admin = new(null, "admin", "Access test");

    /// <summary>The sign-in cookie a browser would hold, to be replayed by another client.</summary>
    private async Task<(HttpClient Browser, string Cookie)> SignInAsync(string userName, string password = MesWebFactory.Password)
    {
        var browser = factory.NewBrowser();
        var response = await MesWebFactory.PostLoginAsync(browser, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("PharmaMes.Auth="));
        return (browser, cookie[..cookie.IndexOf(';')]);
    }

    private HttpClient Replaying(string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private async Task<Guid> NewUserAsync(string role)
    {
        var userName = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..20];
        var created = await factory.Services.GetRequiredService<UserAdministration>()
            .CreateAsync(new NewUser(userName, "Test Person", MesWebFactory.Password, [role]), Admin);
        return created.Id;
    }

    private async Task<string> UserNameAsync(Guid id) =>
        (await factory.Services.GetRequiredService<UserAdministration>().ListAsync()).Single(u => u.Id == id).UserName;

    private HubConnection Hub(Action<HttpConnectionOptions> credentials) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/plant"), o =>
            {
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                credentials(o);
            })
            .Build();

    private static async Task<TaskCompletionSource> ClosedAsync(HubConnection hub)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await hub.StartAsync();
        return closed;
    }

    [Fact]
    public async Task ACopyOfTheCookieTakenBeforeSignOutIsRefusedAfterwards()
    {
        var (browser, cookie) = await SignInAsync("qa");
        var copy = Replaying(cookie);
        var before = await copy.GetAsync("/api/v1/audit");
        var page = await browser.GetStringAsync("/plant");

        var signOut = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = MesWebFactory.AntiforgeryToken(page),
            ["reason"] = "user",
        }));
        var audit = await copy.GetAsync("/api/v1/audit");
        var keepAlive = await copy.GetAsync("/account/keepalive");
        var plant = await copy.GetAsync("/plant");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, audit.StatusCode);
        Assert.NotEqual(HttpStatusCode.NoContent, keepAlive.StatusCode);
        Assert.StartsWith("/account/login", plant.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task SignInsAndSignOutsAreAuditedWithTheClientAddress()
    {
        var id = await NewUserAsync(MesRoles.Planner);
        var userName = await UserNameAsync(id);
        await MesWebFactory.PostLoginAsync(factory.NewBrowser(), userName, "not-the-password-at-all");
        var (browser, _) = await SignInAsync(userName);
        var page = await browser.GetStringAsync("/plant");
        await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = MesWebFactory.AntiforgeryToken(page),
        }));

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<MesDbContext>>().CreateDbContextAsync();
        var trail = await db.AuditEntries.AsNoTracking().Where(e => e.EntityLabel == userName && e.EntityType == "User")
            .OrderBy(e => e.Sequence).Select(e => new { e.Action, e.NewValue }).ToListAsync();
        var actions = trail.Select(e => e.Action).Where(a => a is AuditAction.SignInRefused or AuditAction.SignedIn or AuditAction.SessionEnded).ToList();

        Assert.Equal([AuditAction.SignInRefused, AuditAction.SignedIn, AuditAction.SessionEnded], actions);
        Assert.Contains("wrong password", trail.First(e => e.Action == AuditAction.SignInRefused).NewValue);
        Assert.Contains("Signed out.", trail.Single(e => e.Action == AuditAction.SessionEnded).NewValue);
        // The in-memory test server has no socket: the trail says so rather than inventing an address.
        Assert.All(trail.Where(e => e.Action is AuditAction.SignInRefused or AuditAction.SignedIn or AuditAction.SessionEnded),
            e => Assert.Contains("address", e.NewValue));
    }

    [Fact]
    public async Task DisablingAUserEndsTheirSessionsAndClosesTheirHubConnectionsAtOnce()
    {
        var id = await NewUserAsync(MesRoles.Planner);
        var (_, cookie) = await SignInAsync(await UserNameAsync(id));
        var copy = Replaying(cookie);
        await using var hub = Hub(o => o.Headers["Cookie"] = cookie);
        var closed = await ClosedAsync(hub);
        var before = await copy.GetAsync("/api/v1/equipment");

        await factory.Services.GetRequiredService<UserAdministration>().DisableAsync(id, Admin);
        var after = await copy.GetAsync("/api/v1/equipment");
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }

    [Fact]
    public async Task ChangingAUsersRolesEndsTheirSessions()
    {
        var id = await NewUserAsync(MesRoles.QA);
        var (_, cookie) = await SignInAsync(await UserNameAsync(id));
        var copy = Replaying(cookie);
        var before = await copy.GetAsync("/api/v1/audit");

        await factory.Services.GetRequiredService<UserAdministration>().SetRolesAsync(id, [MesRoles.Operator], Admin);
        var after = await copy.GetAsync("/api/v1/audit");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task RevokingAnApiKeyClosesItsOpenHubConnectionAtOnce()
    {
        var keys = factory.Services.GetRequiredService<ApiKeyService>();
        var issued = await keys.IssueAsync("Hub revocation test", "admin");
        await using var hub = Hub(o => o.Headers["X-Api-Key"] = issued.Key);
        var closed = await ClosedAsync(hub);

        await keys.RevokeAsync(issued.Summary.Id, "admin");
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HubConnectionState.Disconnected, hub.State);
        await Assert.ThrowsAnyAsync<Exception>(() => Hub(o => o.Headers["X-Api-Key"] = issued.Key).StartAsync());
    }

    /// <summary>The security-stamp check on every request, as it happens once a minute on a real terminal.</summary>
    public sealed class StampCheckedOnEveryRequest : MesWebFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
                services.PostConfigure<Microsoft.AspNetCore.Identity.SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
        }
    }

    [Fact]
    public async Task ASessionOutlivesTheSecurityStampCheckThatRebuildsItsPrincipal()
    {
        await using var stampChecked = new StampCheckedOnEveryRequest();
        var browser = stampChecked.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await MesWebFactory.PostLoginAsync(browser, "planner", MesWebFactory.Password)).StatusCode);

        var first = await browser.GetAsync("/plant");
        var second = await browser.GetAsync("/plant");
        var third = await browser.GetAsync("/batches");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/batches")]
    [InlineData("/quality")]
    [InlineData("/admin/users")]
    public async Task AnApiKeyOpensNoPersonsPage(string path)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", MesWebFactory.ApiKey);

        var page = await client.GetAsync(path);
        var circuit = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        var api = await client.GetAsync("/api/v1/equipment");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location?.PathAndQuery);
        Assert.NotEqual(HttpStatusCode.OK, circuit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }
}

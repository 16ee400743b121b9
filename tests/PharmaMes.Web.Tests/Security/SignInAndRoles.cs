using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace PharmaMes.Web.Tests.Security;

public class SignInAndRoles(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    [Theory]
    [InlineData("/plant")]
    [InlineData("/")]
    [InlineData("/admin/users")]
    [InlineData("/admin/api-keys")]
    public async Task PagesSendAnonymousVisitorsToTheLoginPage(string path)
    {
        var response = await factory.NewBrowser().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task TheLoginPageAndStaticAssetsNeedNoSignIn()
    {
        var browser = factory.NewBrowser();

        var login = await browser.GetAsync("/account/login");
        var css = await browser.GetAsync("/css/app.css");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("User name", await login.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }

    [Fact]
    public async Task AnOperatorSeesThePlantButNotTheAdministration()
    {
        var operatorBrowser = await factory.SignedInAsync("operator");

        var plant = await operatorBrowser.GetAsync("/plant");
        var users = await operatorBrowser.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, plant.StatusCode);
        var html = await plant.Content.ReadAsStringAsync();
        Assert.Contains("TP-01", html);
        Assert.Contains("Olga Petrova", html);
        Assert.DoesNotContain("href=\"/admin/users\"", html);
        Assert.Equal(HttpStatusCode.Redirect, users.StatusCode);
        Assert.StartsWith("/account/access-denied", users.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task AnAdministratorSeesTheAdministration()
    {
        var adminBrowser = await factory.SignedInAsync("admin");

        var plant = await adminBrowser.GetStringAsync("/plant");
        var users = await adminBrowser.GetAsync("/admin/users");

        Assert.Contains("href=\"/admin/users\"", plant);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Contains("Users and roles", await users.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AWrongPasswordShowsAClearMessageAndFiveLockTheAccount()
    {
        var browser = factory.NewBrowser();

        var first = await MesWebFactory.PostLoginAsync(browser, "maintenance", "not-the-password");
        for (var attempt = 2; attempt <= 5; attempt++)
            await MesWebFactory.PostLoginAsync(browser, "maintenance", "not-the-password");
        var withTheRightPassword = await MesWebFactory.PostLoginAsync(browser, "maintenance", MesWebFactory.Password);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("the user name or password is not correct", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, withTheRightPassword.StatusCode);
        var maintenance = (await factory.Services.GetRequiredService<PharmaMes.Infrastructure.Identity.UserAdministration>().ListAsync())
            .Single(u => u.UserName == "maintenance");
        Assert.True(maintenance.IsLockedOut);
    }

    [Fact]
    public async Task SignInGoesBackToTheRequestedPageButNeverToAnotherSite()
    {
        var local = await MesWebFactory.PostLoginAsync(factory.NewBrowser(), "qa", MesWebFactory.Password, returnUrl: "/admin/users");
        var foreign = await MesWebFactory.PostLoginAsync(factory.NewBrowser(), "qa", MesWebFactory.Password, returnUrl: "//evil.example/plant");

        Assert.Equal("/admin/users", local.Headers.Location?.PathAndQuery);
        Assert.Equal("localhost", local.Headers.Location?.Host);
        Assert.Equal("/review", foreign.Headers.Location?.PathAndQuery); // QA's own start page instead
        Assert.Equal("localhost", foreign.Headers.Location?.Host);
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        var browser = await factory.SignedInAsync("supervisor");
        var page = await browser.GetStringAsync("/plant");

        var signOut = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = MesWebFactory.AntiforgeryToken(page),
            ["reason"] = "user",
        }));
        var after = await browser.GetAsync("/plant");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/account/login?signedOut=user", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task SigningOutWithoutTheFormTokenIsRefused()
    {
        var browser = await factory.SignedInAsync("planner");

        var forged = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "user" }));
        var stillIn = await browser.GetAsync("/plant");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    [Fact]
    public async Task TheSessionCookieExpiresAfterTheIdleTimeout()
    {
        var response = await MesWebFactory.PostLoginAsync(factory.NewBrowser(), "operator", MesWebFactory.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("PharmaMes.Auth="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        // Not persistent: it is a session cookie, its life on the server is the idle timeout.
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Web.Tests.Security;

public class ResponseHeaders
{
    public sealed class ProductionSite : MesWebFactory
    {
        protected override string Environment => "Production";
    }

    [Fact]
    public async Task PagesAllowOnlyTheirOwnScriptsAndTheImportMapCarriesTheResponsesNonce()
    {
        await using var factory = new MesWebFactory();
        var response = await factory.NewBrowser().GetAsync("/account/login");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-inline'; img", policy.Replace("style-src 'self' 'unsafe-inline'", ""));
        Assert.NotEmpty(nonce);
        Assert.Matches($"<script[^>]*type=\"importmap\"[^>]*nonce=\"{Regex.Escape(nonce)}\"|<script[^>]*nonce=\"{Regex.Escape(nonce)}\"[^>]*type=\"importmap\"", html);
        Assert.DoesNotContain("onclick=\"", html);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());

        var second = await factory.NewBrowser().GetAsync("/account/login");
        Assert.DoesNotContain(nonce, second.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task ApiDataIsNeverCached()
    {
        await using var factory = new MesWebFactory();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", MesWebFactory.ApiKey);

        var response = await client.GetAsync("/api/v1/equipment");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task InProductionOverHttpsBrowsersAreToldToKeepToItAndTheCookieIsSecure()
    {
        await using var factory = new ProductionSite();
        await factory.Services.GetRequiredService<UserAdministration>().CreateAsync(
            new NewUser("qa.person", "Quality Person", MesWebFactory.Password, [MesRoles.QA]), new AuditActor(null, "admin", "Header test"));
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            // Not localhost: browsers and ASP.NET Core leave HSTS off for it.
            BaseAddress = new Uri("https://mes.plant.example"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });

        var login = await browser.GetAsync("/account/login");
        var signedIn = await MesWebFactory.PostLoginAsync(browser, "qa.person", MesWebFactory.Password);

        Assert.Contains("max-age=31536000", login.Headers.GetValues("Strict-Transport-Security").Single());
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("PharmaMes.Auth="));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }
}

using System.Net;
using PharmaMes.Web.ShopFloor;

namespace PharmaMes.Web.Tests.ShopFloor;

/// <summary>A terminal says which line it stands at: kept in a cookie, and its work queue shows that line's work.</summary>
public class TerminalLineChoice(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    [Fact]
    public async Task ALineIsKeptInTheTerminalsCookieAndEveryLineClearsIt()
    {
        var browser = await factory.SignedInAsync("operator");

        var chosen = await browser.GetAsync("/terminal/line/osd-l1?returnUrl=/work");
        var queue = await browser.GetStringAsync("/work");
        var cleared = await browser.GetAsync("/terminal/line/all?returnUrl=https://elsewhere.example/");

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/work", chosen.Headers.Location?.OriginalString);
        Assert.Contains(chosen.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"{TerminalLine.CookieName}=OSD-L1", StringComparison.Ordinal));
        Assert.Contains("data-terminal-line=\"OSD-L1\"", queue);
        Assert.Equal("/", cleared.Headers.Location?.OriginalString);
        Assert.Contains(cleared.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"{TerminalLine.CookieName}=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANonsenseLineCodeIsRefusedWithProblemDetails()
    {
        var browser = await factory.SignedInAsync("operator");

        var response = await browser.GetAsync("/terminal/line/%3Cscript%3E");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("is not a line code", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("OSD-L1", "OSD-L1")]
    [InlineData(" bio-l1 ", "BIO-L1")]
    [InlineData("<x>", null)]
    [InlineData(null, null)]
    public void ATamperedCookieIsIgnored(string? cookie, string? expected)
    {
        Assert.Equal(expected, TerminalLine.Of(cookie).Code);
    }
}

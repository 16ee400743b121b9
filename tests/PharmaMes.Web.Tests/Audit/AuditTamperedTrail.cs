using System.Text.Json;
using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Web.Components.Pages.Audit;

namespace PharmaMes.Web.Tests.Audit;

/// <summary>An entry edited in the database behind the application's back, as verification must report it.</summary>
public class AuditTamperedTrail : BunitContext, IClassFixture<AuditTamperedTrail.TamperedApp>
{
    public const long EditedSequence = 5;

    private readonly TamperedApp _app;

    public AuditTamperedTrail(TamperedApp app)
    {
        _app = app;
        Services.AddSingleton(app.Services.GetRequiredService<AuditTrailService>());
    }

    [Fact]
    public async Task VerifyNamesTheEditedEntry()
    {
        var browser = await _app.SignedInAsync("qa");

        using var json = JsonDocument.Parse(await browser.GetStringAsync("/api/v1/audit/verify"));

        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(EditedSequence, json.RootElement.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Contains($"Entry {EditedSequence} was changed", json.RootElement.GetProperty("problem").GetString());
    }

    [Fact]
    public void ThePageShowsARedBannerNamingTheBrokenEntryAndTheProblem()
    {
        var page = Render<AuditTrailPage>();

        page.Find("[data-testid=audit-verify]").Click();

        page.WaitForAssertion(() => Assert.Contains("Chain broken", page.Find("[data-testid=audit-verdict]").TextContent));
        var verdict = page.Find("[data-testid=audit-verdict]");
        Assert.Contains("alert-danger", verdict.ClassList);
        Assert.Equal("alert", verdict.GetAttribute("role"));
        Assert.Contains($"Chain broken at entry {EditedSequence}: Entry {EditedSequence} was changed", verdict.TextContent);
    }

    /// <summary>The demo app with one audit entry edited straight in its database file.</summary>
    public sealed class TamperedApp : MesWebFactory
    {
        public TamperedApp()
        {
            // Starting the app creates and seeds the database.
            _ = Services;
            using var connection = new SqliteConnection($"Data Source={Path.Combine(Folder, "mes.db")};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP TRIGGER AuditEntries_RefuseUpdate; UPDATE AuditEntries SET UserName = 'someone else' WHERE Sequence = {EditedSequence}";
            command.ExecuteNonQuery();
        }
    }
}

using Microsoft.Data.Sqlite;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// A new site as the README starts it: the built app's <c>users add-admin</c> command, run as its
/// own process in Production on an empty database, then the administrator signs in.
/// </summary>
public sealed class FirstAdministratorJourney(Chromium chromium) : IClassFixture<Chromium>, IDisposable
{
    private const string Password = "Site-Admin-Pass-2026";

    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "pharmames-e2e", Guid.NewGuid().ToString("N"))).FullName;

    [Fact]
    public async Task TheCommandCreatesTheFirstAdministratorWhoThenSignsIn()
    {
        var database = Path.Combine(_folder, "site.db");

        var run = await AddAdminProcess.RunAsync(database, Password + "\n", "--user", "siteadmin", "--name", "Site Admin", "--password-stdin");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Output} {run.Error}");
        Assert.Contains("siteadmin", run.Output);
        Assert.DoesNotContain(Password, run.Output + run.Error);

        await using var app = new ProductionSite(database);
        var page = await (await chromium.NewTerminalAsync()).NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/account/login").ToString());
        await page.FillAsync("#username", "siteadmin");
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        await Screenshots.SaveAsync(page, "first-admin-signed-in");

        Assert.Equal("Site Admin", (await page.Locator(".mes-user-name").TextContentAsync())?.Trim());
        Assert.Equal(1, await page.Locator("a[href='/admin/users']").CountAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>
    /// The app on the command's database with the Production settings and no demo. It runs
    /// in-process (Development host) only so that its static assets are served from the build.
    /// </summary>
    private sealed class ProductionSite(string database) : LivePlantApp
    {
        // Assigned before the base constructor starts the server, which reads Settings.
        private readonly string _database = database;

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["ConnectionStrings:Mes"] = $"Data Source={_database}",
            ["Demo:Enabled"] = "false",
            ["Demo:Password"] = "",
            ["Demo:ApiKey"] = "",
            ["Mqtt:Broker:AllowAnonymous"] = "false",
            ["Erp:Folder"] = "",
            // The chain key the command signed the administrator's creation with.
            ["Audit:ChainKeyFile"] = Path.Combine(Path.GetDirectoryName(_database)!, "audit-chain.key"),
            ["Audit:KeyRingFolder"] = Path.Combine(Path.GetDirectoryName(_database)!, "audit-key-ring"),
            ["Audit:CheckpointFile"] = Path.Combine(Path.GetDirectoryName(_database)!, "audit-checkpoints.log"),
            // Signing in needs no jobs, and a Hangfire server stopped seconds after its start
            // outlasts the factory's stop timeout.
            ["Jobs:Enabled"] = "false",
        };
    }
}

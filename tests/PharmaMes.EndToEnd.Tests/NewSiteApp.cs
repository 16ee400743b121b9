using Microsoft.Data.Sqlite;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// A new site as the README starts it: the built app's <c>users add-admin</c> command, run as its own
/// process in Production with the password on standard input, creates the first administrator in a
/// fresh SQLite file; then the app runs on that file with the Production settings (no demo, no default
/// password, devices must sign in). It runs in-process (Development host) only so that its static
/// assets are served from the build.
/// </summary>
public sealed class NewSiteApp : LivePlantApp
{
    public const string AdminName = "siteadmin";
    public const string AdminFullName = "Site Admin";
    public const string AdminPassword = "Site-Admin-Pass-2026";

    // Field initializers run before the base constructor starts the server, which reads Settings.
    private readonly (string Folder, AddAdminProcess.Run Run) _site = CreateFirstAdministrator();

    /// <summary>What the command printed and returned.</summary>
    public AddAdminProcess.Run FirstAdministrator => _site.Run;

    private static (string Folder, AddAdminProcess.Run Run) CreateFirstAdministrator()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "pharmames-e2e", Guid.NewGuid().ToString("N"))).FullName;
        // Off the test runner's synchronization context: the fixture's constructor cannot await.
        var run = Task.Run(() => AddAdminProcess.RunAsync(Path.Combine(folder, "site.db"), AdminPassword + "\n",
            "--user", AdminName, "--name", AdminFullName, "--password-stdin")).GetAwaiter().GetResult();
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"users add-admin exited with {run.ExitCode}: {run.Output} {run.Error}");
        return (folder, run);
    }

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["ConnectionStrings:Mes"] = $"Data Source={Path.Combine(_site.Folder, "site.db")}",
        ["Demo:Enabled"] = "false",
        ["Demo:Password"] = "",
        ["Demo:ApiKey"] = "",
        ["Mqtt:Broker:AllowAnonymous"] = "false",
        ["Erp:Folder"] = "",
        // The chain key the command signed the administrator's creation with.
        ["Audit:ChainKeyFile"] = Path.Combine(_site.Folder, "audit-chain.key"),
        ["Audit:KeyRingFolder"] = Path.Combine(_site.Folder, "audit-key-ring"),
        ["Audit:CheckpointFile"] = Path.Combine(_site.Folder, "audit-checkpoints.log"),
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_site.Folder, recursive: true); } catch (IOException) { }
    }
}

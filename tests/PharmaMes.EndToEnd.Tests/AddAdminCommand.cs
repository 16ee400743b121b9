using Microsoft.Data.Sqlite;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>The built app's <c>users add-admin</c> refusing what it must refuse, as a process sees it.</summary>
public sealed class AddAdminCommand : IDisposable
{
    private const string Password = "Site-Admin-Pass-2026";

    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "pharmames-e2e", Guid.NewGuid().ToString("N"))).FullName;

    private string Database(string name = "site") => Path.Combine(_folder, name + ".db");

    [Fact]
    public async Task ASecondAdministratorIsRefused()
    {
        var first = await AddAdminProcess.RunAsync(Database(), Password + "\n", "--user", "siteadmin", "--name", "Site Admin", "--password-stdin");
        var second = await AddAdminProcess.RunAsync(Database(), "Another-Pass-2026\n", "--user", "second", "--name", "Second Admin", "--password-stdin");

        Assert.True(first.ExitCode == 0, $"exit {first.ExitCode}: {first.Output} {first.Error}");
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already exists", second.Error);
    }

    [Fact]
    public async Task AShortPasswordIsRefusedWithIdentitysMessageAndNeverPrinted()
    {
        var tooShort = await AddAdminProcess.RunAsync(Database(), "short-pw\n", "--user", "siteadmin", "--name", "Site Admin", "--password-stdin");
        var retry = await AddAdminProcess.RunAsync(Database(), Password + "\n", "--user", "siteadmin", "--name", "Site Admin", "--password-stdin");

        Assert.Equal(1, tooShort.ExitCode);
        Assert.Contains("at least 12 characters", tooShort.Error);
        Assert.DoesNotContain("short-pw", tooShort.Output + tooShort.Error);
        // Nothing was created: the same user name is free for the retry.
        Assert.Equal(0, retry.ExitCode);
    }

    [Fact]
    public async Task MissingOrUnknownArgumentsPrintTheUsageAndTouchNoDatabase()
    {
        var missing = await AddAdminProcess.RunAsync(Database(), "", "--user", "siteadmin");
        var unknown = await AddAdminProcess.RunAsync(Database(), "", "--user", "siteadmin", "--name", "Site Admin", "--role", "QA");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--name is required", missing.Error);
        Assert.Contains("Usage:", missing.Error);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("'--role'", unknown.Error);
        Assert.False(File.Exists(Database()));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

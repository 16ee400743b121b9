using Microsoft.Extensions.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Tests;

/// <summary>
/// The real infrastructure (same registrations as the app) on a fresh SQLite file, migrated by
/// the real migrations. Each test gets its own file, deleted afterwards.
/// </summary>
public sealed class MesTestHost : IAsyncDisposable
{
    public const string DemoPassword = "Test-Password-1234";
    public const string DemoApiKey = "pmes_test_key_abcdefghijklmnopqrstuvwxyz012345";

    private readonly IHost _host;
    private readonly bool _ownsFolder;

    public string Folder { get; }
    public IServiceProvider Services => _host.Services;

    private MesTestHost(IHost host, string folder, bool ownsFolder)
    {
        _host = host;
        Folder = folder;
        _ownsFolder = ownsFolder;
    }

    public static async Task<MesTestHost> StartAsync(bool demo = true, TimeProvider? clock = null, string? folder = null)
    {
        var ownsFolder = folder is null;
        folder ??= Path.Combine(Path.GetTempPath(), "pharmames-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Mes"] = $"Data Source={Path.Combine(folder, "mes.db")}",
            ["Demo:Enabled"] = demo.ToString(),
            ["Demo:Password"] = DemoPassword,
            ["Demo:ApiKey"] = DemoApiKey,
        });
        builder.Services.AddLogging();
        // Sign-in checks need the authentication services the web app adds.
        builder.Services.AddAuthentication();
        builder.AddInfrastructure();
        if (clock is not null)
            builder.Services.Replace(ServiceDescriptor.Singleton(clock));
        var host = builder.Build();
        await MesStartup.InitializeAsync(host.Services);
        return new MesTestHost(host, folder, ownsFolder);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public MesDbContext NewContext() => Get<IDbContextFactory<MesDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        if (_ownsFolder)
            DeleteFolder(Folder);
    }

    public static void DeleteFolder(string folder)
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}

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
    private bool _running;
    private bool _crashed;

    public string Folder { get; }
    public IServiceProvider Services => _host.Services;

    private MesTestHost(IHost host, string folder, bool ownsFolder)
    {
        _host = host;
        Folder = folder;
        _ownsFolder = ownsFolder;
    }

    /// <param name="settings">Configuration on top of the defaults below (e.g. Mqtt:Broker:Port).</param>
    /// <param name="run">Also start the hosted services (embedded broker, ingest client and writer), as the app does.</param>
    /// <param name="services">Registrations on top of the app's (e.g. a database interceptor).</param>
    public static async Task<MesTestHost> StartAsync(bool demo = true, TimeProvider? clock = null, string? folder = null,
        IReadOnlyDictionary<string, string?>? settings = null, bool run = false, Action<IServiceCollection>? services = null)
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
            // The chain key and its checkpoints stay with this test's database, never in a shared place.
            ["Audit:ChainKeyFile"] = Path.Combine(folder, "audit-chain.key"),
            ["Audit:KeyRingFolder"] = Path.Combine(folder, "audit-key-ring"),
            ["Audit:CheckpointFile"] = Path.Combine(folder, "audit-checkpoints.log"),
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        // Sign-in checks need the authentication services the web app adds.
        builder.Services.AddAuthentication();
        builder.AddInfrastructure();
        if (clock is not null)
            builder.Services.Replace(ServiceDescriptor.Singleton(clock));
        services?.Invoke(builder.Services);
        var host = builder.Build();
        var testHost = new MesTestHost(host, folder, ownsFolder);
        try
        {
            await MesStartup.InitializeAsync(host.Services);
            if (run)
            {
                // Set first: a host that failed half-way through starting is stopped too.
                testHost._running = true;
                await host.StartAsync();
            }
        }
        catch
        {
            await testHost.DisposeAsync();
            throw;
        }
        return testHost;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public MesDbContext NewContext() => Get<IDbContextFactory<MesDbContext>>().CreateDbContext();

    /// <summary>A unit of work whose saves are audited as done by <paramref name="actor"/>.</summary>
    public MesDbContext NewContext(PharmaMes.Infrastructure.Audit.AuditActor actor) => Get<IDbContextFactory<MesDbContext>>().CreateDbContext(actor);

    /// <summary>
    /// Ends the host as abruptly as a process can end itself: the hosted services are cancelled and
    /// nobody waits for them, so the writer does not finish its batch in progress, acknowledges
    /// nothing more, and what the ingest client had queued is dropped. The database file stays.
    /// </summary>
    public async Task CrashAsync()
    {
        if (_crashed)
            return;
        _crashed = true;
        _running = false;
        using var alreadyCancelled = new CancellationTokenSource();
        await alreadyCancelled.CancelAsync();
        try
        {
            await _host.StopAsync(alreadyCancelled.Token);
        }
        catch (OperationCanceledException)
        {
        }
        _host.Dispose();
        SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        if (_crashed)
        {
            if (_ownsFolder)
                DeleteFolder(Folder);
            return;
        }
        if (_running)
        {
            _running = false;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _host.StopAsync(timeout.Token);
        }
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

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PharmaMes.Benchmarks;

/// <summary>
/// The web app in-process on its own fresh SQLite file in a temporary folder (deleted on dispose),
/// without demo data, without an ERP target, and with its broker on a free port, for benchmarks that
/// measure server-side reading and rendering.
/// </summary>
internal sealed class BenchmarkWebApp : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pharmames-bench", Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="settings">Settings a benchmark needs over these (the demo plant, planning by hand).</param>
    public BenchmarkWebApp(IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        Directory.CreateDirectory(_folder);
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PHARMAMES_WEB", Path.Combine(Testing.RepositoryFolder.Root, "src", "PharmaMes.Web"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Mes", $"Data Source={Path.Combine(_folder, "mes.db")}");
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Erp:Folder", "");
        builder.UseSetting("Mqtt:Broker:AllowAnonymous", "false");
        builder.UseSetting("Mqtt:Broker:Port", Testing.FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

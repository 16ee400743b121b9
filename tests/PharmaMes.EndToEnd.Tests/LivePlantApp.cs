using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// The real app on Kestrel, on a free port of 127.0.0.1, with its own SQLite file and the demo
/// plant; it stops with the test class.
/// </summary>
public class LivePlantApp : WebApplicationFactory<Program>
{
    public const string Password = "E2e-Test-Password-2026";

    /// <summary>The embedded MQTT broker's port for this app.</summary>
    public int BrokerPort { get; } = FreePort.Next();

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pharmames-e2e", Guid.NewGuid().ToString("N"));

    public LivePlantApp()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    public Uri BaseAddress =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Mes", $"Data Source={Path.Combine(_folder, "mes.db")}");
        // Its own broker port; the simulator stays off so tests see the seeded plant unless they publish.
        builder.UseSetting("Mqtt:Broker:Port", BrokerPort.ToString());
        builder.UseSetting("Demo:Simulator:Enabled", "false");
        // Browser tests run several apps at once on two cores: the planner's search gets a second, not five.
        builder.UseSetting("Planning:TimeLimitSeconds", "1");
        // ERP messages go to files beside the database, removed with it.
        builder.UseSetting("Erp:Folder", Path.Combine(_folder, "erp-outbox"));
        // The audit chain key and checkpoints stay with this app's database.
        builder.UseSetting("Audit:ChainKeyFile", Path.Combine(_folder, "audit-chain.key"));
        builder.UseSetting("Audit:KeyRingFolder", Path.Combine(_folder, "audit-key-ring"));
        builder.UseSetting("Audit:CheckpointFile", Path.Combine(_folder, "audit-checkpoints.log"));
        builder.UseSetting("Demo:Enabled", "true");
        // One test signs in as many people within a minute as a whole shift would: the sign-in limiter has its own tests.
        builder.UseSetting("Security:SignInAttemptsPerAddressPerMinute", "10000");
        builder.UseSetting("Security:SignInAttemptsPerUserPerMinute", "10000");
        builder.UseSetting("Demo:Password", Password);
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    /// <summary>Extra settings a test class needs.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PharmaMes.Web.Tests;

/// <summary>The whole web app in memory, on its own fresh SQLite file, with the demo plant.</summary>
public class MesWebFactory : WebApplicationFactory<Program>
{
    public const string Password = "Web-Test-Password-2026";
    public const string ApiKey = "pmes_webtest_0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>The embedded MQTT broker's port for this app.</summary>
    public int BrokerPort { get; } = FreePort.Next();

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "pharmames-web-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Extra settings a test class needs, applied over the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected virtual string Environment => "Development";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Folder);
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:Mes", $"Data Source={Path.Combine(Folder, "mes.db")}");
        // Each app gets its own broker port; the simulator stays off so tests see the seeded plant.
        builder.UseSetting("Mqtt:Broker:Port", BrokerPort.ToString());
        builder.UseSetting("Demo:Simulator:Enabled", "false");
        // One test signs in as many people within a minute as a whole shift would: the sign-in limiter has its own tests.
        builder.UseSetting("Security:SignInAttemptsPerAddressPerMinute", "10000");
        builder.UseSetting("Security:SignInAttemptsPerUserPerMinute", "10000");
        // ERP messages go to files beside the database, removed with it.
        builder.UseSetting("Erp:Folder", Path.Combine(Folder, "erp-outbox"));
        // The audit chain key and checkpoints too: each app signs with its own key.
        builder.UseSetting("Audit:ChainKeyFile", Path.Combine(Folder, "audit-chain.key"));
        builder.UseSetting("Audit:KeyRingFolder", Path.Combine(Folder, "audit-key-ring"));
        builder.UseSetting("Audit:CheckpointFile", Path.Combine(Folder, "audit-checkpoints.log"));
        if (Environment == "Development")
        {
            builder.UseSetting("Demo:Password", Password);
            builder.UseSetting("Demo:ApiKey", ApiKey);
        }
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    private IHost? _host;

    protected override IHost CreateHost(IHostBuilder builder) => _host = base.CreateHost(builder);

    public HttpClient NewBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real login form, as a browser would.</summary>
    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var browser = NewBrowser();
        var response = await PostLoginAsync(browser, userName, Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {userName} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return browser;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, string userName, string password, string? returnUrl = null)
    {
        var url = "/account/login" + (returnUrl is null ? "" : $"?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var page = await browser.GetStringAsync(url);
        return await browser.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    public static string AntiforgeryToken(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"") is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    /// <summary>
    /// Stops the app through its own run loop first, then disposes it. Disposing alone stops the host from here while the
    /// app's run loop, woken by the stopping signal, stops it too: every service's stop would then run twice at once.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        try
        {
            if (_host is not null)
            {
                var lifetime = _host.Services.GetRequiredService<IHostApplicationLifetime>();
                var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                using (lifetime.ApplicationStopped.Register(() => stopped.TrySetResult()))
                {
                    lifetime.StopApplication();
                    await stopped.Task.WaitAsync(TimeSpan.FromSeconds(30));
                }
            }
            await base.DisposeAsync();
        }
        catch (Exception ex)
        {
            // The runner shows only the exception's type for a fixture's cleanup: say the whole of it.
            Console.Error.WriteLine($"Stopping the test app failed: {ex}");
            throw;
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

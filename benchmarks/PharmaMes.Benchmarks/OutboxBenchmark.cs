using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PharmaMes.Infrastructure;
using PharmaMes.Infrastructure.Outbox;
using PharmaMes.Infrastructure.Outbox.Events;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Benchmarks;

/// <summary>
/// Delivery of a backlog of outbox messages (the ERP was down for a while) to an ERP stand-in on
/// loopback: the dispatcher reads what is due, renders each message, POSTs it with its
/// Idempotency-Key and records the outcome. Side by side, the same number of bare POSTs with the
/// same parallelism shows what the HTTP round trips alone cost on this machine.
/// </summary>
internal static class OutboxBenchmark
{
    public static async Task<int> RunAsync(int messages, int aggregates, string format)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = Testing.FreePort.Next();
        var received = new ConcurrentDictionary<string, int>();
        await using var receiver = await StartReceiverAsync(port, received);
        var url = $"http://127.0.0.1:{port}/erp";

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Mes"] = $"Data Source={Path.Combine(folder, "mes.db")}",
            ["Demo:Enabled"] = "false",
            ["Mqtt:Enabled"] = "false",
            ["Jobs:Enabled"] = "false",
            ["Erp:Webhook:Url"] = url,
            ["Erp:Format"] = format,
        });
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddAuthentication();
        builder.AddInfrastructure();
        using var host = builder.Build();
        await MesStartup.InitializeAsync(host.Services);
        var contexts = host.Services.GetRequiredService<IDbContextFactory<MesDbContext>>();
        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ErpOptions>>().Value;

        await using (var db = await contexts.CreateDbContextAsync())
        {
            var at = DateTimeOffset.UtcNow;
            for (var i = 0; i < messages; i++)
            {
                var batch = $"B-2026-{i % aggregates:D4}";
                db.OutboxMessages.Add(new OutboxMessage(ErpMessageType.GoodsIssue, $"Batch:{batch}", at.AddMilliseconds(i),
                    ErpJson.Serialize(new GoodsMovement(GoodsMovement.GoodsIssue, Guid.NewGuid(), batch, $"PO-2026-{i % aggregates:D4}", $"SAP-{i % aggregates}",
                        "API-PARA", $"PARA-{i % 97:D4}", 5.02m, "kg", "Released", new DateOnly(2028, 1, 31), at, "operator"))));
            }
            await db.SaveChangesAsync();
        }

        // Bare HTTP: the same number of POSTs of a message-sized body, same parallelism, nothing else.
        var bare = await BarePostsAsync(url, messages, options.Parallelism);
        received.Clear();

        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        var clock = Stopwatch.StartNew();
        var result = await dispatcher.DrainAsync(CancellationToken.None);
        var elapsed = clock.Elapsed;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var delivered = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Delivered);
            Console.WriteLine($"Outbox delivery: {messages:#,0} messages over {aggregates:#,0} aggregates, format {format}, parallelism {options.Parallelism}");
            Console.WriteLine($"  bare POSTs (no database, no rendering): {bare.TotalSeconds:0.00} s, {messages / bare.TotalSeconds:#,0} msg/s");
            Console.WriteLine($"  outbox dispatcher:                      {elapsed.TotalSeconds:0.00} s, {messages / elapsed.TotalSeconds:#,0} msg/s (ratio to bare {bare / elapsed:0.00})");
            Console.WriteLine($"  delivered {delivered:#,0}, distinct Idempotency-Keys received {received.Count:#,0}, failed attempts {result.Failed}");
            Console.WriteLine($"  target: all {messages:#,0} in under 10 s: {(elapsed.TotalSeconds < 10 && delivered == messages ? "met" : "NOT met")}");
            Console.WriteLine($"RESULT outbox format={format} messages={messages} delivered={delivered} seconds={elapsed.TotalSeconds:0.00}");
        }
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        return 0;
    }

    private static async Task<TimeSpan> BarePostsAsync(string url, int count, int parallelism)
    {
        using var http = new HttpClient();
        var body = new string('x', 600);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, token) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", $"bare-{i}");
            using var response = await http.SendAsync(request, token);
            response.EnsureSuccessStatusCode();
        });
        return clock.Elapsed;
    }

    private static async Task<WebApplication> StartReceiverAsync(int port, ConcurrentDictionary<string, int> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPost("/erp", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            await reader.ReadToEndAsync();
            received.AddOrUpdate(request.Headers["Idempotency-Key"].ToString(), 1, (_, n) => n + 1);
            return Results.Ok();
        });
        await app.StartAsync();
        return app;
    }
}

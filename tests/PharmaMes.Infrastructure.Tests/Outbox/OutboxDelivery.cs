using PharmaMes.Infrastructure.Live;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PharmaMes.Infrastructure.Outbox;
using PharmaMes.Infrastructure.Outbox.Events;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Tests.Outbox;

public class OutboxDelivery
{
    private static Dictionary<string, string?> Settings(LoopbackErpReceiver receiver, int maxAttempts = 1000, string? folder = null) => new()
    {
        ["Erp:Webhook:Url"] = receiver.Url.ToString(),
        ["Erp:Webhook:TimeoutSeconds"] = "5",
        ["Erp:FirstRetrySeconds"] = "0.02",
        ["Erp:MaxRetrySeconds"] = "0.1",
        ["Erp:MaxAttempts"] = maxAttempts.ToString(),
        ["Erp:Folder"] = folder,
        ["Mqtt:Enabled"] = "false",
    };

    /// <summary>Writes messages for several lots, interleaved, as commits of the plant would.</summary>
    private static async Task<List<OutboxMessage>> WriteAsync(MesTestHost host, int lots, int perLot)
    {
        await using var db = host.NewContext();
        var at = DateTimeOffset.UtcNow;
        for (var i = 0; i < perLot; i++)
            for (var lot = 0; lot < lots; lot++)
                db.OutboxMessages.Add(new OutboxMessage(ErpMessageType.LotStatusChanged, $"Lot:L-{lot}", at,
                    ErpJson.Serialize(new LotStatusChanged($"L-{lot}", "API-PARA", "Quarantine", i % 2 == 0 ? "Released" : "Quarantine", $"change {i}", new DateOnly(2028, 1, 31), at))));
        await db.SaveChangesAsync();
        return await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Position).ToListAsync();
    }

    /// <summary>Runs the dispatcher until nothing is waiting, or fails after the deadline.</summary>
    private static async Task DrainUntilDeliveredAsync(MesTestHost host, TimeSpan deadline)
    {
        var dispatcher = host.Get<OutboxDispatcher>();
        var until = DateTime.UtcNow + deadline;
        while (DateTime.UtcNow < until)
        {
            await dispatcher.DrainAsync(CancellationToken.None);
            await using var db = host.NewContext();
            if (!await db.OutboxMessages.AnyAsync(m => m.Status != OutboxStatus.Delivered))
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException("The outbox was not delivered in time.");
    }

    [Fact]
    public async Task WhileTheErpIsDownNothingIsLostAndWhenItIsBackEveryMessageArrivesInOrderPerAggregate()
    {
        await using var receiver = new LoopbackErpReceiver();
        await using var host = await MesTestHost.StartAsync(demo: false, settings: Settings(receiver));
        var written = await WriteAsync(host, lots: 5, perLot: 20);

        // The ERP is down: nobody listens on its port.
        for (var i = 0; i < 3; i++)
        {
            await host.Get<OutboxDispatcher>().DrainAsync(CancellationToken.None);
            await Task.Delay(120);
        }
        await using (var db = host.NewContext())
        {
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Delivered));
            var heads = await db.OutboxMessages.Where(m => m.Attempts > 0).ToListAsync();
            // Only the first message of each lot was tried: the others wait behind it.
            Assert.Equal(5, heads.Count);
            Assert.All(heads, m => Assert.Contains("Could not reach", m.LastError));
        }

        // The ERP is back, and at first it loses the answer to each message it takes.
        receiver.LoseFirstAnswerOfEach = true;
        await receiver.StartAsync();
        await DrainUntilDeliveredAsync(host, TimeSpan.FromSeconds(60));

        var received = receiver.Received.ToList();
        Assert.Equal(written.Select(m => m.MessageId.ToString()).Order(), received.Select(r => r.IdempotencyKey).Distinct().Order());
        // Every message came twice (the lost answer), and a repeat carries the same key and the same body.
        Assert.All(received.GroupBy(r => r.IdempotencyKey), g => Assert.Single(g.Select(r => r.Body).Distinct()));
        Assert.Equal(2 * written.Count, received.Count);
        foreach (var aggregate in received.GroupBy(r => r.Aggregate))
        {
            var firstArrivals = aggregate.DistinctBy(r => r.IdempotencyKey).Select(r => r.Position).ToList();
            Assert.Equal(firstArrivals.Order(), firstArrivals);
        }
        using var body = JsonDocument.Parse(received[0].Body);
        Assert.Equal(received[0].IdempotencyKey, body.RootElement.GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task AMessageTheErpKeepsRefusingIsDeadLetteredHoldsBackItsAggregateAndIsDeliveredOnReplay()
    {
        await using var receiver = new LoopbackErpReceiver { FailWith = 422 };
        await receiver.StartAsync();
        await using var host = await MesTestHost.StartAsync(demo: false, settings: Settings(receiver, maxAttempts: 3));
        var written = await WriteAsync(host, lots: 2, perLot: 2);

        for (var i = 0; i < 6; i++)
        {
            await host.Get<OutboxDispatcher>().DrainAsync(CancellationToken.None);
            await Task.Delay(150);
        }
        await using (var db = host.NewContext())
        {
            var messages = await db.OutboxMessages.OrderBy(m => m.Position).ToListAsync();
            var dead = messages.Where(m => m.Status == OutboxStatus.Failed).ToList();
            Assert.Equal(2, dead.Count);
            Assert.All(dead, m => Assert.Equal((3, "HTTP 422 Unprocessable Entity"), (m.Attempts, m.LastError)));
            Assert.All(messages.Except(dead), m => Assert.Equal((OutboxStatus.Pending, 0), (m.Status, m.Attempts)));
        }
        Assert.Equal(6, receiver.Received.Count);
        // Readiness says so, and where to look.
        var health = host.Get<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>();
        var outbox = (await health.CheckHealthAsync(c => c.Name == "outbox")).Entries["outbox"];
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, outbox.Status);
        Assert.StartsWith("2 ERP messages failed after every attempt: see Integration (/erp)", outbox.Description);

        receiver.FailWith = null;
        var replayed = await host.Get<OutboxMonitor>().ReplayFailedAsync("integration");
        await DrainUntilDeliveredAsync(host, TimeSpan.FromSeconds(30));

        Assert.Equal(2, replayed);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy,
            (await health.CheckHealthAsync(c => c.Name == "outbox")).Entries["outbox"].Status);
        var delivered = receiver.Received.Skip(6).ToList();
        Assert.Equal(written.Count, delivered.Count);
        Assert.All(delivered.GroupBy(r => r.Aggregate), g => Assert.Equal(g.Select(r => r.Position).Order(), g.Select(r => r.Position)));
    }

    [Fact]
    public async Task EachCallToTheErpIsOneLogLineWithMethodPathStatusAndTime()
    {
        await using var receiver = new LoopbackErpReceiver();
        await receiver.StartAsync();
        var logs = new CapturedLogs();
        await using var host = await MesTestHost.StartAsync(demo: false, settings: Settings(receiver),
            services: s => s.AddSingleton<ILoggerProvider>(logs));
        await WriteAsync(host, lots: 3, perLot: 1);

        await DrainUntilDeliveredAsync(host, TimeSpan.FromSeconds(30));

        Assert.Equal(3, receiver.Received.Count);
        Assert.DoesNotContain(logs.Lines, l => l.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        var calls = logs.Lines.Where(l => l.Category == typeof(PharmaMes.Infrastructure.Outbox.Delivery.ErpWebhookTarget).FullName).ToList();
        Assert.Equal(3, calls.Count);
        Assert.All(calls, call =>
        {
            Assert.Equal(LogLevel.Information, call.Level);
            Assert.Matches($@"^ERP POST {System.Text.RegularExpressions.Regex.Escape(receiver.Url.AbsolutePath)} answered 200 in \d+ ms \(LotStatusChanged #\d+\)$", call.Text);
        });
    }

    [Fact]
    public async Task ACommitThatWritesAMessageStartsAHangfireRunThatDeliversItWithinSeconds()
    {
        await using var receiver = new LoopbackErpReceiver();
        await receiver.StartAsync();
        await using var host = await MesTestHost.StartAsync(demo: false, settings: Settings(receiver), run: true);

        var written = await WriteAsync(host, lots: 1, perLot: 1);
        host.Get<LiveEvents>().Publish(new CommittedChanges(true, new HashSet<Guid>(), new HashSet<string>()));

        var until = DateTime.UtcNow.AddSeconds(20);
        while (receiver.Received.IsEmpty && DateTime.UtcNow < until)
            await Task.Delay(50);
        var message = Assert.Single(receiver.Received);
        Assert.Equal(written[0].MessageId.ToString(), message.IdempotencyKey);
    }

    [Fact]
    public async Task AFolderTargetGetsOneWholeFilePerMessageNamedInWritingOrder()
    {
        await using var receiver = new LoopbackErpReceiver();
        await receiver.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-erp-files", Guid.NewGuid().ToString("N"));
        try
        {
            await using var host = await MesTestHost.StartAsync(demo: false, settings: Settings(receiver, folder: folder));
            var written = await WriteAsync(host, lots: 2, perLot: 3);
            await DrainUntilDeliveredAsync(host, TimeSpan.FromSeconds(30));

            var files = Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(written.Count, files.Count);
            Assert.Equal(written.Select(m => $"{m.Position:D12}-LotStatusChanged-{m.MessageId:N}.json"), files);
            Assert.All(Directory.GetFiles(folder), f => JsonDocument.Parse(File.ReadAllText(f)).Dispose());
            Assert.Equal(written.Count, receiver.Received.Count);
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using MQTTnet;
using MQTTnet.Protocol;
using Npgsql;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// Two MES nodes as separate processes on one PostgreSQL, one Redis and one Mosquitto with a shared subscription: the
/// plant is one, whichever node stored each message, and a node killed mid-stream loses nothing.
/// </summary>
public class TwoNodeCluster(Chromium chromium) : IClassFixture<Chromium>
{
    private const string Password = "Cluster-Test-Password-2026";
    private const string ApiKey = "pmes_cluster_key_abcdefghijklmnopqrstuvwxyz0123";
    private const string Line = "mes/PLANT1/OSD/OSD-L1";
    // Speeds in the press's plausible range (an implausible reading goes to quarantine), one distinct value per message.
    private const double FirstValue = 3000;
    private static double SpeedOf(int i) => FirstValue + i / 1000.0;

    [Fact]
    public async Task TwoNodesShowOnePlantAndAKilledNodeLosesNothing()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync("cluster");
        await using var redis = await RedisServer.StartAsync();
        await using var mosquitto = await MosquittoBroker.StartAsync();
        using var erp = ErpReceiver.Start();
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-cluster", Guid.NewGuid().ToString("N"));
        Dictionary<string, string> Node(string name) => new()
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Mes"] = database,
            ["ConnectionStrings__Redis"] = redis.ConnectionString,
            ["Mqtt__Broker__Mode"] = "External",
            ["Mqtt__Broker__Host"] = "127.0.0.1",
            ["Mqtt__SharedGroup"] = "pharmames",
            ["Mqtt__ClientId"] = $"pharmames-{name}",
            ["Audit__ChainKeyFile"] = Path.Combine(folder, "audit-chain.key"),
            ["Audit__KeyRingFolder"] = Path.Combine(folder, "audit-key-ring"),
            ["Erp__Folder"] = "",
            ["Erp__Webhook__Url"] = erp.Url,
            ["Demo__Password"] = Password,
            ["Demo__ApiKey"] = ApiKey,
            ["Planning__Enabled"] = "false",
        };
        // The first node creates the schema and the demo plant; the second finds them.
        await using var a = await MesProcess.StartAsync(Path.Combine(folder, "a"), mosquitto.Port, Node("a"));
        var b = await MesProcess.StartAsync(Path.Combine(folder, "b"), mosquitto.Port, Node("b"));
        try
        {
            using var apiA = Api(a);
            using var apiB = Api(b);
            await WaitUntilSubscribedAsync(mosquitto, 2);

            // A hub client on node A, following TP-01.
            var heardOnA = new ConcurrentDictionary<double, bool>();
            await using var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(a.BaseAddress, "/hubs/plant"), o =>
                {
                    o.Headers["X-Api-Key"] = ApiKey;
                    o.Transports = HttpTransportType.WebSockets;
                })
                .Build();
            hub.On<JsonElement>("TelemetryUpdated", update =>
            {
                if (update.GetProperty("values").TryGetProperty("speed", out var speed) && speed.GetDouble() is >= FirstValue and < FirstValue + 1)
                    heardOnA[speed.GetDouble()] = true;
            });
            await hub.StartAsync();
            await hub.InvokeAsync("SubscribeEquipment", "TP-01");

            // Numbered readings at a steady rate; node B killed as the operating system would, half-way.
            const int total = 600;
            using var device = new MqttClientFactory().CreateMqttClient();
            await device.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", mosquitto.Port).WithClientId("press-tp01")
                .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build());
            var start = DateTimeOffset.UtcNow.AddMinutes(-5);
            var acknowledged = 0;
            var storedByBBeforeKill = 0.0;
            for (var i = 0; i < total; i++)
            {
                if (i == total / 2)
                {
                    storedByBBeforeKill = await StoredAsync(apiB);
                    await b.KillAsync();
                }
                var ts = start.AddMilliseconds(i * 100).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                var result = await device.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"{Line}/TP-01/telemetry")
                    .WithPayload(Encoding.UTF8.GetBytes($"{{\"ts\":\"{ts}\",\"values\":{{\"speed\":{SpeedOf(i).ToString(CultureInfo.InvariantCulture)}}}}}"))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
                if (result.IsSuccess)
                    acknowledged++;
                await Task.Delay(10);
            }
            Assert.Equal(total, acknowledged);
            Assert.True(storedByBBeforeKill > 0, "Node B stored nothing before it was killed: the shared subscription did not split the work.");

            // Node B back with its session: what Mosquitto kept for it is stored too, and nothing twice.
            b = await MesProcess.StartAsync(Path.Combine(folder, "b"), mosquitto.Port, Node("b"));
            var (count, distinct) = await Eventually(() => CountSamplesAsync(database), c => c.Count >= total, TimeSpan.FromMinutes(2));
            Assert.Equal((total, total), (count, distinct));

            // A's hub client heard the readings B stored before its death, through the Redis backplane.
            Assert.True(heardOnA.Count >= total / 2 - 5, $"The hub client on A heard {heardOnA.Count} of the first {total / 2} readings.");

            // A Down state: published until one lands on node B, then seen on node A's dashboard.
            var page = await SignInAsync(a, "operator");
            await page.GotoAsync(new Uri(a.BaseAddress, "/").ToString());
            using var apiB2 = Api(b);
            string? downOnB = null;
            foreach (var equipment in new[] { "TP-02", "COAT-01", "BLIS-01", "GRAN-01", "FBD-01", "DISP-01" })
            {
                var before = await StoredAsync(apiB2);
                await device.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"{Line}/{equipment}/state")
                    .WithPayload(Encoding.UTF8.GetBytes($"{{\"ts\":\"{DateTimeOffset.UtcNow:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\",\"state\":\"Down\",\"reason\":\"Stopped by the cluster test\"}}"))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
                await Task.Delay(1500);
                if (await StoredAsync(apiB2) > before)
                {
                    downOnB = equipment;
                    break;
                }
            }
            Assert.NotNull(downOnB);
            await page.Locator($"[data-down='{downOnB}']").WaitForAsync(new() { Timeout = 60_000 });
            Assert.Equal("Down", await page.Locator($"[data-equipment='{downOnB}']").GetAttributeAsync("data-state"));
            await Screenshots.SaveAsync(page, "cluster-node-a-shows-node-b-down", fullPage: true);

            // Each ERP message (the Down states among them) delivered once, with both nodes running.
            var messages = await Eventually(() => OutboxAsync(apiA), m => m.Count > 0 && m.All(x => x.Status == "delivered"), TimeSpan.FromMinutes(2));
            Assert.All(messages, m => Assert.Equal("delivered", m.Status));
            Assert.Contains(messages, m => m.Type == "EquipmentDown");
            Assert.Equal(messages.Select(m => m.MessageId).Order(), erp.Received.Keys.Order());
            Assert.All(erp.Received, r => Assert.Equal(1, r.Value));

            // One audit chain, written by both nodes, that verifies.
            using var verification = JsonDocument.Parse(await apiB2.GetStringAsync("/api/v1/audit/verify"));
            Assert.True(verification.RootElement.GetProperty("valid").GetBoolean(), verification.RootElement.GetRawText());
            Assert.True(verification.RootElement.GetProperty("checked").GetInt64() > 0);
        }
        finally
        {
            await b.DisposeAsync();
        }
    }

    private static HttpClient Api(MesProcess node)
    {
        var client = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    private async Task<Microsoft.Playwright.IPage> SignInAsync(MesProcess node, string user)
    {
        var page = await (await chromium.NewTerminalAsync()).NewPageAsync();
        await page.GotoAsync(new Uri(node.BaseAddress, "/account/login").ToString());
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.Locator(".mes-shell[data-interactive]").WaitForAsync();
        return page;
    }

    /// <summary>What the node's ingest stored so far, from its own metrics.</summary>
    private static async Task<double> StoredAsync(HttpClient node)
    {
        var text = await node.GetStringAsync("/metrics");
        return text.Split('\n').Where(l => l.StartsWith("pharmames_ingest_stored", StringComparison.Ordinal))
            // "name{labels} value [timestamp]"
            .Select(l => double.Parse(l[(l.IndexOf(' ', l.LastIndexOf('}') is var brace and >= 0 ? brace : 0) + 1)..].Split(' ')[0], CultureInfo.InvariantCulture)).Sum();
    }

    private static async Task<(int Count, int Distinct)> CountSamplesAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT count(*), count(DISTINCT "Value") FROM "TelemetrySamples" WHERE "Value" >= @first AND "Value" < @first + 1""", connection);
        command.Parameters.AddWithValue("first", FirstValue);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }

    private sealed record OutboxEntry(Guid MessageId, string Type, string Status);

    private static async Task<List<OutboxEntry>> OutboxAsync(HttpClient node)
    {
        using var document = JsonDocument.Parse(await node.GetStringAsync("/api/v1/erp/outbox?limit=500"));
        return document.RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => new OutboxEntry(m.GetProperty("messageId").GetGuid(), m.GetProperty("type").GetString()!, m.GetProperty("status").GetString()!))
            .ToList();
    }

    /// <summary>Until both nodes' ingest clients are subscribed to the broker (Mosquitto logs each subscription).</summary>
    private static async Task WaitUntilSubscribedAsync(MosquittoBroker broker, int nodes)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            var log = File.Exists(broker.LogFile) ? await File.ReadAllTextAsync(broker.LogFile) : "";
            if (log.Split('\n').Count(l => l.Contains("$share/pharmames/", StringComparison.Ordinal)) >= nodes)
                return;
            await Task.Delay(250);
        }
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> until, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (until(value) || DateTime.UtcNow > deadline)
                return value;
            await Task.Delay(250);
        }
    }

    /// <summary>The ERP's webhook on loopback: counts each message by its Idempotency-Key.</summary>
    private sealed class ErpReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        public ConcurrentDictionary<Guid, int> Received { get; } = new();
        public string Url { get; }

        private ErpReceiver(int port)
        {
            Url = $"http://127.0.0.1:{port}/erp/";
            _listener.Prefixes.Add(Url);
        }

        public static ErpReceiver Start()
        {
            var receiver = new ErpReceiver(FreePort.Next());
            receiver._listener.Start();
            _ = receiver.ServeAsync();
            return receiver;
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                if (Guid.TryParse(context.Request.Headers["Idempotency-Key"], out var id))
                    Received.AddOrUpdate(id, 1, (_, n) => n + 1);
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }
}

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>
/// The app's live data path running for real: the demo plant on a fresh SQLite file, the embedded
/// broker on a free loopback port, the ingest client and writer started. The simulator is off, so
/// only what a test publishes arrives. MQTT clients made here are disposed with the host.
/// </summary>
public sealed class LiveMesHost : IAsyncDisposable
{
    public const string BrokerHost = "127.0.0.1";
    public const string TabletPress = "mes/PLANT1/OSD/OSD-L1/TP-01";
    public const string Bioreactor = "mes/PLANT1/BIO/BIO-L1/BR-01";
    public const string Dryer = "mes/PLANT1/OSD/OSD-L1/FBD-01";

    private readonly List<IMqttClient> _clients = [];

    public MesTestHost Mes { get; }
    public int Port { get; }

    private LiveMesHost(MesTestHost mes, int port)
    {
        Mes = mes;
        Port = port;
    }

    /// <param name="devices">Device accounts in configuration (Mqtt:Broker:Devices), password hashed as the admin page does.</param>
    public static async Task<LiveMesHost> StartAsync(bool allowAnonymous = false,
        IEnumerable<(string Username, string Password, string Equipment)>? devices = null,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var port = FreePort.Next();
        var configuration = new Dictionary<string, string?>
        {
            ["Mqtt:Broker:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:Broker:AllowAnonymous"] = allowAnonymous.ToString(),
            ["Demo:Simulator:Enabled"] = "false",
        };
        var hasher = new PasswordHasher<DeviceCredential>();
        var index = 0;
        foreach (var (username, password, equipment) in devices ?? [])
        {
            configuration[$"Mqtt:Broker:Devices:{index}:Username"] = username;
            configuration[$"Mqtt:Broker:Devices:{index}:PasswordHash"] = hasher.HashPassword(new DeviceCredential(), password);
            configuration[$"Mqtt:Broker:Devices:{index}:Equipment"] = equipment;
            index++;
        }
        return await RunAsync(configuration, settings, port, folder: null, services);
    }

    /// <summary>
    /// The same, but with <c>Mqtt:Broker:Mode=External</c>: no embedded broker runs, the ingest
    /// client connects to the broker on <paramref name="brokerPort"/> (a test's Mosquitto).
    /// </summary>
    /// <param name="clientId">Mqtt:ClientId, to which the broker binds the MES's persistent session.</param>
    /// <param name="sharedGroup">Mqtt:SharedGroup: subscribe as <c>$share/{group}/...</c>.</param>
    /// <param name="folder">Where the SQLite file lives; given, it survives the host (a restart on the same database).</param>
    public static Task<LiveMesHost> StartExternalAsync(int brokerPort, string? clientId = null, string? sharedGroup = null,
        string? folder = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Mqtt:Broker:Mode"] = "External",
            ["Mqtt:Broker:Host"] = BrokerHost,
            ["Mqtt:Broker:Port"] = brokerPort.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:ClientId"] = clientId ?? "mes-" + Guid.NewGuid().ToString("N")[..12],
            ["Mqtt:SharedGroup"] = sharedGroup,
            ["Demo:Simulator:Enabled"] = "false",
        };
        return RunAsync(configuration, settings, brokerPort, folder);
    }

    private static async Task<LiveMesHost> RunAsync(Dictionary<string, string?> configuration, IReadOnlyDictionary<string, string?>? settings, int port, string? folder,
        Action<IServiceCollection>? services = null)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;

        var mes = await MesTestHost.StartAsync(demo: true, folder: folder, settings: configuration, run: true, services: services);
        var live = new LiveMesHost(mes, port);
        // The ingest is ready once its broker is: the embedded one once started, an external one
        // once the ingest client has subscribed (what is published before reaches nobody).
        var metrics = mes.Get<IngestMetrics>();
        if (!await Eventually.TrueAsync(() => metrics.BrokerConnected))
        {
            await live.DisposeAsync();
            throw new TimeoutException($"The ingest client did not connect to the broker on port {port}: {metrics.LastConnectionError}");
        }
        return live;
    }

    public T Get<T>() where T : notnull => Mes.Get<T>();

    public MqttClientOptions Options(string? username = null, string? password = null, string? clientId = null, bool persistentSession = false)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(BrokerHost, Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId ?? "test-" + Guid.NewGuid().ToString("N")[..12])
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (username is not null)
            builder = builder.WithCredentials(username, password);
        if (persistentSession)
            builder = builder.WithCleanStart(false).WithSessionExpiryInterval(300);
        return builder.Build();
    }

    /// <summary>A client that is disposed with the host; not connected yet.</summary>
    public IMqttClient NewClient()
    {
        var client = new MqttClientFactory().CreateMqttClient();
        _clients.Add(client);
        return client;
    }

    /// <summary>Connects a new client and fails the test if the broker refuses it.</summary>
    public async Task<IMqttClient> ConnectAsync(string? username = null, string? password = null, string? clientId = null)
    {
        var client = NewClient();
        var result = await client.ConnectAsync(Options(username, password, clientId));
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    /// <summary>A client with the MES's own account (it may publish anything, like the MES's status messages).</summary>
    public Task<IMqttClient> ConnectAsMesAsync(string? clientId = null)
    {
        var mes = Get<MesBrokerCredentials>();
        return ConnectAsync(mes.Username, mes.Password, clientId);
    }

    public static Task<MqttClientPublishResult> PublishAsync(IMqttClient client, string topic, string json) =>
        PublishAsync(client, topic, Encoding.UTF8.GetBytes(json));

    public static Task<MqttClientPublishResult> PublishAsync(IMqttClient client, string topic, byte[] payload) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

    /// <summary>Publishes and fails the test unless the broker accepted the message.</summary>
    public static async Task PublishAcceptedAsync(IMqttClient client, string topic, string json)
    {
        var result = await PublishAsync(client, topic, json);
        Assert.True(result.ReasonCode == MqttClientPublishReasonCode.Success, $"Publishing to {topic} gave {result.ReasonCode} {result.ReasonString}");
    }

    /// <summary>Now, to the millisecond (device timestamps carry milliseconds).</summary>
    public static DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    /// <summary>A device timestamp as the contract shows it: 2026-11-25T10:00:00.000Z.</summary>
    public static string Ts(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A telemetry payload; <paramref name="values"/> is the inside of the values object, e.g. <c>"speed":3000</c>.</summary>
    public static string TelemetryJson(DateTimeOffset at, string values) => $$$"""{"ts":"{{{Ts(at)}}}","values":{{{{values}}}}}""";

    /// <summary>Reads the database with a fresh context.</summary>
    public async Task<T> QueryAsync<T>(Func<MesDbContext, Task<T>> query)
    {
        await using var db = Mes.NewContext();
        return await query(db);
    }

    public Task<Guid> EquipmentIdAsync(string code) =>
        QueryAsync(db => db.Equipment.Where(e => e.Code == new PlantCode(code)).Select(e => e.Id).SingleAsync());

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            try
            {
                if (client.IsConnected)
                    await client.DisconnectAsync();
            }
            catch (Exception)
            {
                // The broker may be gone already; the client is disposed anyway.
            }
            client.Dispose();
        }
        await Mes.DisposeAsync();
    }
}

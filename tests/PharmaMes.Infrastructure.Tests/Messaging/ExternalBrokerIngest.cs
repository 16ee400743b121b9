using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MQTTnet;
using MQTTnet.Protocol;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Live;
using PharmaMes.Infrastructure.Messaging;
using static PharmaMes.Infrastructure.Tests.Messaging.LiveMesHost;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>
/// <c>Mqtt:Broker:Mode=External</c> against a real Mosquitto that requires passwords: no embedded
/// broker runs, the MES signs in with its configured account, and what plain MQTT clients publish
/// to Mosquitto ends up in the database exactly as through the embedded broker.
/// </summary>
public class ExternalBrokerIngest
{
    private const string MesUser = "pharmames-mes";
    private const string MesPassword = "mes-Secret-0123456789";
    private const string DeviceUser = "line1-devices";
    private const string DevicePassword = "device-Secret-0123456789";

    /// <summary>A Mosquitto password file (hashed, made by mosquitto_passwd) with the MES's and a device's accounts.</summary>
    private static async Task<string> PasswordFileAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "passwords");
        foreach (var (user, password) in new[] { (MesUser, MesPassword), (DeviceUser, DevicePassword) })
        {
            using var tool = Process.Start(new ProcessStartInfo("mosquitto_passwd", File.Exists(file) ? ["-b", file, user, password] : ["-c", "-b", file, user, password])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            await tool.WaitForExitAsync();
            Assert.True(tool.ExitCode == 0, $"mosquitto_passwd failed: {await tool.StandardError.ReadToEndAsync()}");
        }
        // Mosquitto started as root reads it as the user "mosquitto".
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return file;
    }

    private static Dictionary<string, string?> MesAccount(string password) => new()
    {
        ["Mqtt:Broker:Username"] = MesUser,
        ["Mqtt:Broker:Password"] = password,
    };

    [Fact]
    public async Task TelemetryAStateChangeAndBadPayloadsPublishedToMosquittoAreStoredOrQuarantinedAsWithTheEmbeddedBroker()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using var mosquitto = await MosquittoBroker.StartAsync(allowAnonymous: false, passwordFile: await PasswordFileAsync(folder));
            await using var live = await LiveMesHost.StartExternalAsync(mosquitto.Port, settings: MesAccount(MesPassword));
            Assert.Null(live.Mes.Services.GetService(typeof(EmbeddedBroker)));
            var anonymous = await live.NewClient().ConnectAsync(live.Options());
            Assert.NotEqual(MqttClientConnectResultCode.Success, anonymous.ResultCode);
            var device = await live.ConnectAsync(DeviceUser, DevicePassword);
            var watcher = await live.ConnectAsync(DeviceUser, DevicePassword);
            var statuses = new ConcurrentQueue<string>();
            watcher.ApplicationMessageReceivedAsync += e =>
            {
                statuses.Enqueue(e.ApplicationMessage.ConvertPayloadToString());
                return Task.CompletedTask;
            };
            await watcher.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic($"{Dryer}/status").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());
            var press = await live.EquipmentIdAsync("TP-01");
            var dryer = await live.EquipmentIdAsync("FBD-01");
            var at = Now().AddSeconds(-20);

            await PublishAcceptedAsync(device, $"{TabletPress}/telemetry", TelemetryJson(at, "\"speed\":3012,\"compression_force\":14.6,\"tablet_weight\":500.4"));
            await PublishAcceptedAsync(device, $"{Dryer}/state", $$"""{"ts":"{{Ts(at.AddSeconds(1))}}","state":"Running","reason":null}""");
            await PublishAcceptedAsync(device, $"{Bioreactor}/telemetry", "{\"values\":{\"temperature\":37.0");
            await PublishAcceptedAsync(device, "mes/PLANT1/OSD/OSD-L1/XX-99/telemetry", TelemetryJson(at, "\"speed\":3000"));

            var quarantined = await Eventually.GetAsync(() => live.QueryAsync(db => db.QuarantinedMessages.ToListAsync()), rows => rows.Count >= 2);
            Assert.Equal(
                [($"{Bioreactor}/telemetry", QuarantineReason.InvalidJson), ("mes/PLANT1/OSD/OSD-L1/XX-99/telemetry", QuarantineReason.UnknownEquipment)],
                quarantined.Select(q => (q.Topic, q.ReasonCode)).Order());
            Assert.Contains(quarantined, q => q.PayloadExcerpt == "{\"values\":{\"temperature\":37.0");
            var samples = await Eventually.GetAsync(
                () => live.QueryAsync(db => db.TelemetrySamples.Include(s => s.Channel).Where(s => s.Channel!.EquipmentId == press).ToListAsync()), rows => rows.Count >= 3);
            Assert.All(samples, s => Assert.Equal(at, s.Time));
            Assert.Equal(new Dictionary<string, double> { ["speed"] = 3012, ["compression_force"] = 14.6, ["tablet_weight"] = 500.4 },
                samples.ToDictionary(s => s.Channel!.Tag, s => s.Value));
            var dryerNow = await Eventually.GetAsync(
                () => live.QueryAsync(db => db.Equipment.AsNoTracking().SingleAsync(e => e.Id == dryer)), e => e.State == EquipmentState.Running);
            Assert.Equal((EquipmentState.Running, at.AddSeconds(1)), (dryerNow.State, dryerNow.StateSince));
            // The seeded Idle interval ends where the Running one starts.
            var intervals = await live.QueryAsync(db => db.StateIntervals.Where(s => s.EquipmentId == dryer).OrderBy(s => s.StartedAt).ToListAsync());
            Assert.Equal(2, intervals.Count);
            Assert.Equal((EquipmentState.Idle, (DateTimeOffset?)at.AddSeconds(1)), (intervals[0].State, intervals[0].EndedAt));
            Assert.Equal((EquipmentState.Running, at.AddSeconds(1), (DateTimeOffset?)null), (intervals[1].State, intervals[1].StartedAt, intervals[1].EndedAt));
            Assert.Equal(EquipmentState.Running, live.Get<LivePlant>().Find("FBD-01")?.State);
            // The MES's own output goes to the external broker too: FBD-01's retained status follows the change.
            Assert.True(await Eventually.TrueAsync(() => statuses.Any(s => s.Contains("\"Running\"", StringComparison.Ordinal))),
                $"Mosquitto should carry FBD-01's status Running; seen: {string.Join(" | ", statuses)}");
            var metrics = live.Get<IngestMetrics>();
            Assert.Equal((4L, 2L, 0L), (metrics.Persisted, metrics.Quarantined, metrics.FailedBatches));
        }
        finally
        {
            MesTestHost.DeleteFolder(folder);
        }
    }

    [Fact]
    public async Task AMesWithAWrongPasswordStaysDisconnectedAndSaysThatMosquittoRefusedIt()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using var mosquitto = await MosquittoBroker.StartAsync(allowAnonymous: false, passwordFile: await PasswordFileAsync(folder));
            var settings = MesAccount("not-the-password-0123");
            settings["Mqtt:Broker:Mode"] = "External";
            settings["Mqtt:Broker:Port"] = mosquitto.Port.ToString(CultureInfo.InvariantCulture);
            settings["Demo:Simulator:Enabled"] = "false";
            await using var mes = await MesTestHost.StartAsync(settings: settings, run: true);
            var metrics = mes.Get<IngestMetrics>();

            Assert.True(await Eventually.TrueAsync(() => metrics.LastConnectionError is not null), "the refusal should be reported");
            // Mosquitto 2.0 answers a wrong password with Not authorized (0x87), not Bad user name or password (0x86).
            Assert.Matches("^The broker refused the connection: (NotAuthorized|BadUserNameOrPassword)", metrics.LastConnectionError);
            Assert.False(metrics.BrokerConnected);
        }
        finally
        {
            MesTestHost.DeleteFolder(folder);
        }
    }
}

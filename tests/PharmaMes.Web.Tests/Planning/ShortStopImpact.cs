using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using static PharmaMes.Web.Tests.Erp.ErpClient;

namespace PharmaMes.Web.Tests.Planning;

/// <summary>A press that runs again before anyone accepted its stop's proposal withdraws that proposal and its alert.</summary>
public class ShortStopImpact(PlannedByHandFactory factory) : IClassFixture<PlannedByHandFactory>
{
    private const string PressState = "mes/PLANT1/OSD/OSD-L1/TP-01/state";

    [Fact]
    public async Task TheProposalOfAStopThatEndedIsSuperseded()
    {
        var erp = Machine(factory);
        var planner = await factory.SignedInAsync("planner");
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync("/api/v1/schedule/plan", null)).StatusCode);
        using var device = await ConnectAsync();
        var at = DateTimeOffset.UtcNow;

        await PublishAsync(device, at, "Down", "\"Feeder jam\"");
        var proposed = await ImpactAsync(erp, i => i.GetProperty("cause").GetString() == "TP-01 is Down: Feeder jam");
        Assert.Equal("Proposed", proposed.GetProperty("status").GetString());
        await PublishAsync(device, at.AddSeconds(40), "Idle", "null");

        var withdrawn = await ImpactAsync(erp, i => i.GetProperty("id").GetString() == proposed.GetProperty("id").GetString()
            && i.GetProperty("status").GetString() == "Superseded");
        Assert.Equal("TP-01", withdrawn.GetProperty("subject").GetString());
        // Settled, not left on the dashboards as an unacknowledged alarm: it needs nobody's attention any more.
        using var active = await JsonAsync(await planner.GetAsync("/api/v1/alerts"));
        Assert.DoesNotContain(active.RootElement.EnumerateArray(), a => a.GetProperty("kind").GetString() == "ScheduleImpact"
            && a.GetProperty("message").GetString()!.StartsWith("TP-01 is Down: Feeder jam", StringComparison.Ordinal));
        using var settled = await JsonAsync(await planner.GetAsync("/api/v1/alerts?state=Normal"));
        var alert = settled.RootElement.EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "ScheduleImpact"
            && a.GetProperty("message").GetString()!.StartsWith("TP-01 is Down: Feeder jam", StringComparison.Ordinal));
        Assert.Equal(("PharmaMes (automatic)", "TP-01 runs again: its proposal is withdrawn"),
            (alert.GetProperty("acknowledgedByName").GetString(), alert.GetProperty("acknowledgementComment").GetString()));
    }

    private static async Task<JsonElement> ImpactAsync(HttpClient client, Func<JsonElement, bool> wanted)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var list = await JsonAsync(await client.GetAsync("/api/v1/impacts"));
            if (list.RootElement.EnumerateArray().FirstOrDefault(wanted) is { ValueKind: JsonValueKind.Object } found)
                return found.Clone();
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("The impact did not come within 10 s.");
    }

    private static Task PublishAsync(IMqttClient device, DateTimeOffset at, string state, string reason) =>
        device.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(PressState)
            .WithPayload(Encoding.UTF8.GetBytes($"{{\"ts\":\"{at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}\",\"state\":\"{state}\",\"reason\":{reason}}}"))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

    private async Task<IMqttClient> ConnectAsync()
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", factory.BrokerPort)
            .WithProtocolVersion(MqttProtocolVersion.V500).WithClientId("press-" + Guid.NewGuid().ToString("N")[..6]).Build());
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }
}

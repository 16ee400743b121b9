using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PharmaMes.Domain.Common;
using PharmaMes.Infrastructure.Messaging;

namespace PharmaMes.Web.Tests.Messaging;

/// <summary>Device accounts an administrator creates work at the embedded broker, for their own equipment only, until revoked.</summary>
public class DeviceAccounts(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private DeviceAccountService Service
    {
        get
        {
            factory.CreateClient(); // starts the app and its broker
            return factory.Services.GetRequiredService<DeviceAccountService>();
        }
    }

    private async Task<(IMqttClient Client, MqttClientConnectResultCode Result)> ConnectAsync(string username, string password)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", factory.BrokerPort)
            .WithProtocolVersion(MqttProtocolVersion.V500).WithClientId("dev-" + Guid.NewGuid().ToString("N")[..8]).WithCredentials(username, password).Build());
        return (client, result.ResultCode);
    }

    private static Task<MqttClientPublishResult> PublishAsync(IMqttClient client, string topic) =>
        client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic)
            .WithPayload(Encoding.UTF8.GetBytes($"{{\"ts\":\"{DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}\",\"values\":{{\"speed\":3000}}}}"))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

    [Fact]
    public async Task ANewAccountPublishesForItsEquipmentOnlyUntilRevoked()
    {
        var issued = await Service.CreateAsync("tp01-plc", "tp-01", "admin");

        var (device, connected) = await ConnectAsync("tp01-plc", issued.Password);
        var own = await PublishAsync(device, "mes/PLANT1/OSD/OSD-L1/TP-01/telemetry");
        var other = await PublishAsync(device, "mes/PLANT1/BIO/BIO-L1/BR-01/telemetry");
        device.Dispose();
        var (wrong, wrongResult) = await ConnectAsync("tp01-plc", issued.Password + "x");
        wrong.Dispose();
        await Service.RevokeAsync(issued.Summary.Id, "admin");
        var (revoked, revokedResult) = await ConnectAsync("tp01-plc", issued.Password);
        revoked.Dispose();

        Assert.Equal("TP-01", issued.Summary.EquipmentCode);
        Assert.True(issued.Password.Length >= 32);
        Assert.Equal(MqttClientConnectResultCode.Success, connected);
        Assert.True(own.IsSuccess);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, other.ReasonCode);
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, wrongResult);
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, revokedResult);
        Assert.False(Assert.Single(await Service.ListAsync(), a => a.Username == "tp01-plc").IsActive);
    }

    [Fact]
    public async Task RevokingAnAccountEndsItsOpenConnectionAtOnce()
    {
        var issued = await Service.CreateAsync("coat01-plc", "COAT-01", "admin");
        var (device, connected) = await ConnectAsync("coat01-plc", issued.Password);
        using var _ = device;
        var disconnected = new TaskCompletionSource<MqttClientDisconnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        device.DisconnectedAsync += e => { disconnected.TrySetResult(e); return Task.CompletedTask; };

        await Service.RevokeAsync(issued.Summary.Id, "admin");
        var reason = await disconnected.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(MqttClientConnectResultCode.Success, connected);
        Assert.False(device.IsConnected);
        Assert.Equal(MqttClientDisconnectReason.NotAuthorized, reason.Reason);
    }

    [Fact]
    public async Task IssuingAndRevokingAnAccountAreAuditedWithTheAddressTheyCameFrom()
    {
        var issued = await Service.CreateAsync("fill01-plc", "FILL-01", "admin", "192.0.2.10");
        await Service.RevokeAsync(issued.Summary.Id, "admin", "192.0.2.11");

        var trail = factory.Services.GetRequiredService<PharmaMes.Infrastructure.Audit.AuditTrailService>();
        var entries = (await trail.FindAsync(new PharmaMes.Infrastructure.Audit.AuditFilter(User: "admin"), 1, 500)).Entries
            .Where(e => e.EntityType == "DeviceAccount" && e.EntityId == issued.Summary.Id.ToString()).ToList();
        Assert.Contains(entries, e => e.Reason == "Device account issued for FILL-01 from 192.0.2.10");
        Assert.Contains(entries, e => e.Field == "RevokedAt" && e.Reason == "Device account revoked from 192.0.2.11");
    }

    [Fact]
    public async Task AnAccountForUnknownEquipmentOrAReusedNameIsRefused()
    {
        await Service.CreateAsync("br01-dcs", "BR-01", "admin");

        var unknown = await Assert.ThrowsAsync<DomainException>(() => Service.CreateAsync("xx-plc", "XX-99", "admin"));
        var reused = await Assert.ThrowsAsync<DomainException>(() => Service.CreateAsync("br01-dcs", "BR-01", "admin"));

        Assert.Contains("XX-99", unknown.Message);
        Assert.Contains("br01-dcs", reused.Message);
    }

    [Fact]
    public async Task OnlyAdministratorsSeeTheDeviceAccountsPage()
    {
        var admin = await (await factory.SignedInAsync("admin")).GetAsync("/admin/devices");
        var maintenance = await (await factory.SignedInAsync("maintenance")).GetAsync("/admin/devices");

        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("Device accounts", await admin.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, maintenance.StatusCode);
    }

    [Fact]
    public async Task ADeviceReadsOnlyItsOwnEquipmentsTopics()
    {
        var issued = await Service.CreateAsync("gran01-plc", "GRAN-01", "admin");
        var (device, connected) = await ConnectAsync("gran01-plc", issued.Password);
        using var _ = device;

        var own = await device.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("mes/PLANT1/OSD/OSD-L1/GRAN-01/#").Build());
        var other = await device.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("mes/PLANT1/BIO/BIO-L1/BR-01/telemetry").Build());
        var everything = await device.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("mes/#").Build());

        Assert.Equal(MqttClientConnectResultCode.Success, connected);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS0, Assert.Single(own.Items).ResultCode);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, Assert.Single(other.Items).ResultCode);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, Assert.Single(everything.Items).ResultCode);
    }
}

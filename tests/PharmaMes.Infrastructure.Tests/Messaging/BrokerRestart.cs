using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PharmaMes.Infrastructure.Messaging;
using static PharmaMes.Infrastructure.Tests.Messaging.LiveMesHost;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>
/// An external Mosquitto down for twenty seconds and started again on the same port without its
/// store (a new container): the MES is back on it within moments, and republishes the retained
/// statuses the broker lost, without waiting for anything to change.
/// </summary>
public class BrokerRestart
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AfterATwentySecondOutageTheIngestIsBackWithinSecondsAndTheRetainedStatusesArePublishedAgain()
    {
        await using var mosquitto = await MosquittoBroker.StartAsync();
        await using var live = await LiveMesHost.StartExternalAsync(mosquitto.Port);
        var metrics = live.Get<IngestMetrics>();
        var batchesTopic = "mes/PLANT1/_mes/batches/#";
        var before = await RetainedAsync(mosquitto.Port, [$"{TabletPress}/status", batchesTopic], TimeSpan.FromSeconds(15),
            topics => topics.Contains($"{TabletPress}/status") && topics.Any(t => t.Contains("/_mes/batches/")));
        var batches = before.Where(t => t.Contains("/_mes/batches/")).ToHashSet();

        await mosquitto.KillAsync();
        Assert.True(await Eventually.TrueAsync(() => !metrics.BrokerConnected), "the MES should notice that the broker is gone");
        await Task.Delay(Outage);
        await mosquitto.RestartAsync(forgetSaved: true);
        var back = DateTimeOffset.UtcNow;

        Assert.True(await Eventually.TrueAsync(() => metrics.BrokerConnected, TimeSpan.FromSeconds(40)), $"the MES should reconnect: {metrics.LastConnectionError}");
        var delay = metrics.ConnectedSince!.Value - back;
        Assert.True(delay < TimeSpan.FromSeconds(3), $"the ingest reconnected {delay.TotalSeconds:0.0} s after the broker was back");
        // Nothing changed in the plant: the statuses come back because the publishers reconnect and republish by themselves.
        var after = await RetainedAsync(mosquitto.Port, [$"{TabletPress}/status", batchesTopic], TimeSpan.FromSeconds(10),
            topics => topics.Contains($"{TabletPress}/status") && batches.IsSubsetOf(topics));
        Assert.Contains($"{TabletPress}/status", after);
        Assert.Subset(after, batches);
    }

    /// <summary>The retained topics a new subscriber receives, read until <paramref name="enough"/> or the time is up.</summary>
    private static async Task<HashSet<string>> RetainedAsync(int port, string[] filters, TimeSpan within, Func<HashSet<string>, bool> enough)
    {
        var deadline = DateTime.UtcNow + within;
        var topics = new HashSet<string>();
        do
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            var received = new ConcurrentDictionary<string, bool>();
            client.ApplicationMessageReceivedAsync += e =>
            {
                if (e.ApplicationMessage.Retain && e.ApplicationMessage.Payload.Length > 0)
                    received[e.ApplicationMessage.Topic] = true;
                return Task.CompletedTask;
            };
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(BrokerHost, port).WithProtocolVersion(MqttProtocolVersion.V500)
                .WithClientId("test-" + Guid.NewGuid().ToString("N")[..12]).Build());
            var subscribe = new MqttClientSubscribeOptionsBuilder();
            foreach (var filter in filters)
                subscribe.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
            await client.SubscribeAsync(subscribe.Build());
            await Task.Delay(500);
            await client.DisconnectAsync();
            topics = received.Keys.ToHashSet();
        }
        while (!enough(topics) && DateTime.UtcNow < deadline);
        return topics;
    }
}

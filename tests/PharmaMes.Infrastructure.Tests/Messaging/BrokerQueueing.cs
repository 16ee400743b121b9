using System.Collections.Concurrent;
using System.Globalization;
using MQTTnet;
using MQTTnet.Protocol;
using PharmaMes.Infrastructure.Messaging;
using static PharmaMes.Infrastructure.Tests.Messaging.LiveMesHost;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>
/// What the embedded broker keeps for a subscriber that is away or slow. MQTTnet's default keeps
/// 1,000 messages and silently drops the oldest; the MES configures far more and counts any drop.
/// </summary>
public class BrokerQueueing
{
    private const string Topic = "test/queue";

    /// <summary>A subscriber with a persistent session and a QoS 1 subscription, then gone; it counts distinct sequence numbers.</summary>
    private static async Task<(IMqttClient Client, MqttClientOptions Options, ConcurrentDictionary<int, byte> Received)> AbsentSubscriberAsync(LiveMesHost live)
    {
        var received = new ConcurrentDictionary<int, byte>();
        var client = live.NewClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            received.TryAdd(int.Parse(e.ApplicationMessage.ConvertPayloadToString(), CultureInfo.InvariantCulture), 0);
            return Task.CompletedTask;
        };
        var mes = live.Get<MesBrokerCredentials>();
        var options = live.Options(mes.Username, mes.Password, "queue-subscriber", persistentSession: true);
        Assert.Equal(MqttClientConnectResultCode.Success, (await client.ConnectAsync(options)).ResultCode);
        var subscribed = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(Topic).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build());
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, Assert.Single(subscribed.Items).ResultCode);
        await client.DisconnectAsync();
        return (client, options, received);
    }

    /// <summary>Publishes 0..count-1 with QoS 1, 100 in flight, and returns the PUBACK reason codes seen.</summary>
    private static async Task<HashSet<MqttClientPublishReasonCode>> PublishSequenceAsync(IMqttClient publisher, int from, int count)
    {
        var reasons = new HashSet<MqttClientPublishReasonCode>();
        for (var start = from; start < from + count; start += 100)
        {
            var results = await Task.WhenAll(Enumerable.Range(start, Math.Min(100, from + count - start))
                .Select(n => PublishAsync(publisher, Topic, n.ToString(CultureInfo.InvariantCulture))));
            reasons.UnionWith(results.Select(r => r.ReasonCode));
        }
        return reasons;
    }

    [Fact]
    public async Task KeepsAll5000MessagesForASubscriberThatWasAwayAndDropsNone()
    {
        await using var live = await LiveMesHost.StartAsync();
        var (subscriber, options, received) = await AbsentSubscriberAsync(live);
        var publisher = await live.ConnectAsMesAsync();

        var acknowledged = await PublishSequenceAsync(publisher, 0, 5_000);
        var resumed = await subscriber.ConnectAsync(options);

        Assert.Equal([MqttClientPublishReasonCode.Success], acknowledged);
        Assert.True(resumed.IsSessionPresent, "the broker should have kept the subscriber's session");
        var count = await Eventually.GetAsync(() => Task.FromResult(received.Count), n => n >= 5_000, TimeSpan.FromSeconds(30));
        Assert.Equal(5_000, count);
        Assert.Equal(Enumerable.Range(0, 5_000), received.Keys.Order());
        Assert.Equal(0, live.Get<BrokerMetrics>().DroppedMessages);
    }

    [Fact]
    public async Task CountsEveryMessageDroppedBeyondTheConfiguredLimit()
    {
        await using var live = await LiveMesHost.StartAsync(settings: new Dictionary<string, string?> { ["Mqtt:Broker:MaxPendingMessagesPerClient"] = "1000" });
        var (subscriber, options, received) = await AbsentSubscriberAsync(live);
        var publisher = await live.ConnectAsMesAsync();

        // The publisher is told nothing: the broker's counter is the only trace of the loss.
        var acknowledged = await PublishSequenceAsync(publisher, 0, 1_500);
        Assert.Equal(500, live.Get<BrokerMetrics>().DroppedMessages);

        await subscriber.ConnectAsync(options);
        Assert.True(await Eventually.TrueAsync(() => received.Count >= 1_000, TimeSpan.FromSeconds(20)), "the queued messages should arrive");
        // A marker sent now arrives after everything queued before it.
        await PublishAsync(publisher, Topic, "1000000");
        Assert.True(await Eventually.TrueAsync(() => received.ContainsKey(1_000_000)), "the marker should arrive");

        Assert.Equal([MqttClientPublishReasonCode.Success], acknowledged);
        Assert.Equal(Enumerable.Range(0, 1_000).Append(1_000_000), received.Keys.Order());
        Assert.Equal(500, live.Get<BrokerMetrics>().DroppedMessages);
    }
}

using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// The bounded hand-over between the MQTT receive handler and the database writer. When it is
/// full the handler waits, the broker stops sending (Receive Maximum), and nothing is dropped.
/// </summary>
public sealed class IngestQueue(IOptions<MqttOptions> options)
{
    private readonly Channel<ReceivedMessage> _channel = Channel.CreateBounded<ReceivedMessage>(
        new BoundedChannelOptions(options.Value.Ingest.ChannelCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });

    public ChannelWriter<ReceivedMessage> Writer => _channel.Writer;
    public ChannelReader<ReceivedMessage> Reader => _channel.Reader;
    public int Count => _channel.Reader.Count;
}

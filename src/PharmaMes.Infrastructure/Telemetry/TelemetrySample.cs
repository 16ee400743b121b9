namespace PharmaMes.Infrastructure.Telemetry;

/// <summary>
/// One reading of one tag. Keyed by (channel, time): a message the broker delivers twice (QoS 1
/// may) is stored once, and a range read of one tag is one seek along the key.
/// </summary>
public sealed class TelemetrySample
{
    public int ChannelId { get; set; }
    public DateTimeOffset Time { get; set; }
    public double Value { get; set; }
    public TelemetryChannel? Channel { get; set; }
}

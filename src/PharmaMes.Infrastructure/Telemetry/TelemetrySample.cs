namespace PharmaMes.Infrastructure.Telemetry;

/// <summary>
/// One reading of one tag. Keyed by (equipment, tag, time): a message the broker delivers twice
/// (QoS 1 may) is stored once, and range reads of one tag are one index seek.
/// </summary>
public sealed class TelemetrySample
{
    public Guid EquipmentId { get; set; }
    public string Tag { get; set; } = "";
    public DateTimeOffset Time { get; set; }
    public double Value { get; set; }
}

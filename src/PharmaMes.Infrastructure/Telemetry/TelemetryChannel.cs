namespace PharmaMes.Infrastructure.Telemetry;

/// <summary>
/// One tag of one equipment as a stored series. Samples carry its small integer id instead of
/// (equipment GUID, tag name): the key each of millions of samples repeats stays short, which
/// roughly doubles how fast SQLite stores them.
/// </summary>
public sealed class TelemetryChannel
{
    public int Id { get; set; }
    public Guid EquipmentId { get; set; }
    public string Tag { get; set; } = "";
}

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>The last topic level a device publishes under.</summary>
public enum DeviceMessageKind
{
    Telemetry,
    State,
    Counts,
}

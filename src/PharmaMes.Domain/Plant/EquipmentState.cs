namespace PharmaMes.Domain.Plant;

/// <summary>The states of the MQTT contract. <see cref="Down"/> is a fault.</summary>
public enum EquipmentState
{
    Offline,
    Idle,
    Running,
    Held,
    Down,
    Maintenance,
    Cleaning,
}

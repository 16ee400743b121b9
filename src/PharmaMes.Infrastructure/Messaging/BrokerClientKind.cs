namespace PharmaMes.Infrastructure.Messaging;

public enum BrokerClientKind
{
    /// <summary>The MES itself: may publish status and _mes topics.</summary>
    Mes,
    /// <summary>A device account: may publish only its own equipment's device topics, at the equipment's place in the plant, never retained.</summary>
    Device,
    /// <summary>No credentials (demo only): may publish device topics of any equipment, never retained, nothing else.</summary>
    Anonymous,
}

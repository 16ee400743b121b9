namespace PharmaMes.Infrastructure.Messaging;

public enum BrokerClientKind
{
    /// <summary>The MES itself: may publish status and _mes topics.</summary>
    Mes,
    /// <summary>A device account: may publish only under its own equipment's topics.</summary>
    Device,
    /// <summary>No credentials (demo only): may publish device topics of any equipment, nothing else.</summary>
    Anonymous,
}

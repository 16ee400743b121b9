namespace PharmaMes.Infrastructure.Sparkplug;

/// <summary>The message types of a Sparkplug B topic (spBv1.0/{group}/{type}/{edge node}[/{device}]).</summary>
public enum SparkplugMessageType
{
    NBIRTH,
    NDEATH,
    DBIRTH,
    DDEATH,
    NDATA,
    DDATA,
    NCMD,
    DCMD,
}

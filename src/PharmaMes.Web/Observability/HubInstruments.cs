using System.Diagnostics.Metrics;
using PharmaMes.Infrastructure.Observability;

namespace PharmaMes.Web.Observability;

/// <summary>The plant hub on the MES's meter: open connections and the live events sent to its clients.</summary>
public sealed class HubInstruments
{
    private readonly UpDownCounter<int> _connections;
    private readonly Counter<long> _sent;

    public HubInstruments(IMeterFactory meters)
    {
        var meter = meters.Create(MesMeters.Name);
        _connections = meter.CreateUpDownCounter<int>("pharmames.hub.connections", "{connection}", "Open connections to the plant hub (/hubs/plant).");
        _sent = meter.CreateCounter<long>("pharmames.hub.messages.sent", "{message}",
            "Live events sent by the plant hub, by hub method; one send to a group or to all clients counts once.");
    }

    public void Connected() => _connections.Add(1);

    public void Disconnected() => _connections.Add(-1);

    public void Sent(string method) => _sent.Add(1, new KeyValuePair<string, object?>("method", method));
}

using System.Reflection;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Server;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// MQTT lets a client connect without a client id and the server give it one (MQTT 5 returns it
/// in CONNACK's Assigned Client Identifier; MQTT 3.1.1 only with a clean session, and the client
/// never learns it). <c>mosquitto_pub -V mqttv5</c> and most small device libraries rely on this.
/// </summary>
internal static class ClientIdAssignment
{
    // MQTTnet 5 assigns an id only for MQTT 5 (AssignedClientIdentifier) and refuses a 3.1.1 client
    // without one after validation. The connect packet it checks is reachable only through the
    // event's private field; the broker tests connect a 3.1.1 client without an id, so a library
    // update that renames it fails there, not in a plant.
    private static readonly FieldInfo? ConnectPacket =
        typeof(ValidatingConnectionEventArgs).GetField("_connectPacket", BindingFlags.Instance | BindingFlags.NonPublic);

    public static string NewId() => "pmes-" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Gives the connecting client <paramref name="clientId"/>; null when done, else why it cannot be.</summary>
    public static string? TryAssign(ValidatingConnectionEventArgs connection, string clientId)
    {
        switch (connection.ProtocolVersion)
        {
            case MqttProtocolVersion.V500:
                connection.AssignedClientIdentifier = clientId;
                return null;
            // A 3.1.1 client without an id must ask for a clean session: MQTTnet closes the
            // connection of one that does not before it gets here [MQTT-3.1.3-7].
            case MqttProtocolVersion.V311 when ConnectPacket?.GetValue(connection) is MqttConnectPacket packet:
                packet.ClientId = clientId;
                return null;
            default:
                return $"An MQTT {Version(connection.ProtocolVersion)} client must send a client id.";
        }
    }

    private static string Version(MqttProtocolVersion version) => version switch
    {
        MqttProtocolVersion.V310 => "3.1",
        MqttProtocolVersion.V311 => "3.1.1",
        _ => "5",
    };
}

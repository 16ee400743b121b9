namespace PharmaMes.Infrastructure.Messaging;

public enum BrokerMode
{
    /// <summary>An MQTT broker inside the app (MQTTnet.Server): nothing to install.</summary>
    Embedded,
    /// <summary>Any MQTT 5 broker (Mosquitto, HiveMQ, EMQX...) the site runs.</summary>
    External,
}

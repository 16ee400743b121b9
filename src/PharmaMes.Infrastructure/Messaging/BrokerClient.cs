namespace PharmaMes.Infrastructure.Messaging;

/// <summary>Who a connected client is, decided when it connected; kept in its broker session.</summary>
public sealed record BrokerClient(BrokerClientKind Kind, string Name, string? EquipmentCode)
{
    public const string SessionKey = "pharmames:client";
}

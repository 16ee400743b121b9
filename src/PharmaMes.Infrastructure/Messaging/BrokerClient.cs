namespace PharmaMes.Infrastructure.Messaging;

/// <summary>Who a connected client is, decided when it connected; kept in its broker session.</summary>
/// <param name="Username">The account it signed in with (devices), to find its connections when the account is revoked.</param>
public sealed record BrokerClient(BrokerClientKind Kind, string Name, string? EquipmentCode, string? Username = null)
{
    public const string SessionKey = "pharmames:client";
}

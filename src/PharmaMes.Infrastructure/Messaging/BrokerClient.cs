namespace PharmaMes.Infrastructure.Messaging;

/// <summary>Who a connected client is, decided when it connected; kept in its broker session.</summary>
/// <param name="Username">The account it signed in with (devices), to find its connections when the account is revoked.</param>
/// <param name="TopicBase">
/// Devices: the topic of their equipment at its place in the plant ({root}/{site}/{area}/{line}/{equipment}),
/// read from the plant model when they connected; null when the plant has no such equipment (the device may publish nothing).
/// </param>
public sealed record BrokerClient(BrokerClientKind Kind, string Name, string? EquipmentCode, string? Username = null, string? TopicBase = null)
{
    public const string SessionKey = "pharmames:client";
}

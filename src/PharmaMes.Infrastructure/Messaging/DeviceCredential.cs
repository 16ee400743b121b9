namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// A device's account at the embedded broker: it may publish only under its equipment's topics.
/// The password is kept as an ASP.NET Core Identity hash; revoked accounts stay on record.
/// </summary>
public sealed class DeviceCredential
{
    public const int UsernameMaxLength = 64;

    public Guid Id { get; set; }
    public string Username { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public string EquipmentCode { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
}

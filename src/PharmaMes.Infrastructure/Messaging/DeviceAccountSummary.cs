namespace PharmaMes.Infrastructure.Messaging;

/// <summary>What may be shown of a device account: never its password or hash.</summary>
public sealed record DeviceAccountSummary(Guid Id, string Username, string EquipmentCode, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;

    internal static DeviceAccountSummary From(DeviceCredential credential) =>
        new(credential.Id, credential.Username, credential.EquipmentCode, credential.CreatedAt, credential.CreatedBy, credential.RevokedAt);
}

/// <summary>A device account just created, with its password in clear text: shown once, never stored.</summary>
public sealed record IssuedDeviceAccount(DeviceAccountSummary Summary, string Password);

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>Checks a connecting client's credentials: the MES itself, device accounts from the database or configuration.</summary>
public sealed class DeviceAuthenticator(
    IDbContextFactory<MesDbContext> contexts,
    IOptions<MqttOptions> options,
    MesBrokerCredentials mes,
    IPasswordHasher<DeviceCredential> hasher)
{
    public async Task<BrokerClient?> AuthenticateAsync(string? username, string? password, CancellationToken cancellationToken)
    {
        var broker = options.Value.Broker;
        if (string.IsNullOrEmpty(username))
            return broker.AllowAnonymous ? new BrokerClient(BrokerClientKind.Anonymous, "anonymous client", null) : null;
        if (mes.Matches(username, password))
            return new BrokerClient(BrokerClientKind.Mes, "the MES", null);

        var configured = broker.Devices.FirstOrDefault(d => string.Equals(d.Username, username, StringComparison.Ordinal));
        if (configured is not null)
            return Verify(configured.PasswordHash, password) ? Device(configured.Username, configured.Equipment) : null;

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.DeviceCredentials.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Username == username && d.RevokedAt == null, cancellationToken);
        return stored is not null && Verify(stored.PasswordHash, password) ? Device(stored.Username, stored.EquipmentCode) : null;
    }

    private bool Verify(string hash, string? password) =>
        !string.IsNullOrEmpty(password) && hasher.VerifyHashedPassword(new DeviceCredential(), hash, password) != PasswordVerificationResult.Failed;

    private static BrokerClient Device(string username, string equipment) =>
        new(BrokerClientKind.Device, $"device '{username}'", equipment.ToUpperInvariant(), username);
}

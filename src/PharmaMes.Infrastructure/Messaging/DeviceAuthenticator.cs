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
    IPasswordHasher<DeviceCredential> hasher,
    PlantDirectory plant)
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
            return Verify(configured.PasswordHash, password) ? await DeviceAsync(configured.Username, configured.Equipment, cancellationToken) : null;

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.DeviceCredentials.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Username == username && d.RevokedAt == null, cancellationToken);
        return stored is not null && Verify(stored.PasswordHash, password) ? await DeviceAsync(stored.Username, stored.EquipmentCode, cancellationToken) : null;
    }

    private bool Verify(string hash, string? password) =>
        !string.IsNullOrEmpty(password) && hasher.VerifyHashedPassword(new DeviceCredential(), hash, password) != PasswordVerificationResult.Failed;

    /// <summary>A device publishes at its equipment's place in the plant; equipment added a moment ago may not be in the cached plant yet.</summary>
    private async Task<BrokerClient> DeviceAsync(string username, string equipment, CancellationToken cancellationToken)
    {
        var code = equipment.ToUpperInvariant();
        if (!(await plant.GetAsync(cancellationToken)).ByCode.TryGetValue(code, out var entry))
        {
            plant.Invalidate();
            (await plant.GetAsync(cancellationToken)).ByCode.TryGetValue(code, out entry);
        }
        var topicBase = entry is null ? null : DeviceTopic.BaseOf(options.Value.TopicRoot, entry.Site, entry.Area, entry.Line, entry.Code);
        return new(BrokerClientKind.Device, $"device '{username}'", code, username, topicBase);
    }
}

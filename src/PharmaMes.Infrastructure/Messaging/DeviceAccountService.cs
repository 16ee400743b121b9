using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// Device accounts at the embedded broker, managed by administrators: one account per
/// equipment's device, a generated password shown once and kept only as a hash, revoked (never
/// deleted) when the device is replaced.
/// </summary>
public sealed partial class DeviceAccountService(
    IDbContextFactory<MesDbContext> contexts,
    IPasswordHasher<DeviceCredential> hasher,
    TimeProvider clock,
    IEnumerable<EmbeddedBroker> brokers)
{
    public async Task<IReadOnlyList<DeviceAccountSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var accounts = await db.DeviceCredentials.AsNoTracking().ToListAsync(cancellationToken);
        return accounts.OrderBy(a => a.RevokedAt is not null).ThenBy(a => a.EquipmentCode).ThenBy(a => a.Username)
            .Select(DeviceAccountSummary.From).ToList();
    }

    public async Task<IssuedDeviceAccount> CreateAsync(string username, string equipmentCode, string createdBy, string? clientAddress = null,
        CancellationToken cancellationToken = default)
    {
        var name = username?.Trim().ToLowerInvariant() ?? "";
        if (!UsernamePattern().IsMatch(name))
            throw new DomainException("A device user name has 3 to 64 lower-case letters, digits, '.', '-' or '_'.");
        var code = new PlantCode(equipmentCode);
        await using var db = await contexts.CreateDbContextAsync(new AuditActor(null, createdBy, $"Device account issued for {code}").From(clientAddress), cancellationToken);
        if (!await db.Equipment.AnyAsync(e => e.Code == code, cancellationToken))
            throw new DomainException($"There is no equipment with the code {code}.");
        if (await db.DeviceCredentials.AnyAsync(d => d.Username == name, cancellationToken))
            throw new DomainException($"A device account '{name}' exists already (user names are never reused).");

        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var credential = new DeviceCredential
        {
            Id = Ids.New(),
            Username = name,
            EquipmentCode = code.Value,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = createdBy,
        };
        credential.PasswordHash = hasher.HashPassword(credential, password);
        db.DeviceCredentials.Add(credential);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedDeviceAccount(DeviceAccountSummary.From(credential), password);
    }

    /// <summary>Refuses the account from now on and ends its open connections at the embedded broker.</summary>
    public async Task RevokeAsync(Guid id, string revokedBy, string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(new AuditActor(null, revokedBy, "Device account revoked").From(clientAddress), cancellationToken);
        var credential = await db.DeviceCredentials.SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new DomainException("That device account does not exist.");
        if (credential.RevokedAt is not null)
            throw new DomainException($"The device account '{credential.Username}' was already revoked.");
        credential.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        foreach (var broker in brokers)
            await broker.DisconnectDeviceAsync(credential.Username);
    }

    [GeneratedRegex("^[a-z0-9._-]{3,64}$")]
    private static partial Regex UsernamePattern();
}

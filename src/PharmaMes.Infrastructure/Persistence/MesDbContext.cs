using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Alerts;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Identity;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Telemetry;

namespace PharmaMes.Infrastructure.Persistence;

/// <summary>
/// The one database of PharmaMes: plant, materials, identity. Each provider has a subclass with
/// its own migrations (<see cref="SqliteMesDbContext"/>, <see cref="SqlServerMesDbContext"/>);
/// application services use this base type and never know which provider runs.
/// </summary>
public abstract class MesDbContext(DbContextOptions options)
    : IdentityDbContext<MesUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Line> Lines => Set<Line>();
    public DbSet<Equipment> Equipment => Set<Equipment>();
    public DbSet<TagDefinition> TagDefinitions => Set<TagDefinition>();
    public DbSet<Material> Materials => Set<Material>();
    public DbSet<MaterialLot> MaterialLots => Set<MaterialLot>();
    public DbSet<InventoryLedgerEntry> InventoryLedger => Set<InventoryLedgerEntry>();
    public DbSet<StateInterval> StateIntervals => Set<StateInterval>();
    public DbSet<Excursion> Excursions => Set<Excursion>();
    public DbSet<ProductionCount> ProductionCounts => Set<ProductionCount>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<TelemetryChannel> TelemetryChannels => Set<TelemetryChannel>();
    public DbSet<TelemetrySample> TelemetrySamples => Set<TelemetrySample>();
    public DbSet<QuarantinedMessage> QuarantinedMessages => Set<QuarantinedMessage>();
    public DbSet<DeviceCredential> DeviceCredentials => Set<DeviceCredential>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    /// <summary>The keys that protect sign-in cookies: kept in the database so sessions survive a restart and nodes share them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MesDbContext).Assembly);
    }
}

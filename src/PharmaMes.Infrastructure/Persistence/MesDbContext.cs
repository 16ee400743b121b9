using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PharmaMes.Domain.Alerts;
using PharmaMes.Domain.Audit;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Upkeep;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Quality;
using PharmaMes.Domain.Recipes;
using PharmaMes.Infrastructure.Identity;
using PharmaMes.Infrastructure.Materials;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Outbox;
using PharmaMes.Infrastructure.Telemetry;

namespace PharmaMes.Infrastructure.Persistence;

/// <summary>
/// The one database of PharmaMes: plant, materials, identity. Each provider has a subclass with
/// its own migrations (<see cref="SqliteMesDbContext"/>, <see cref="SqlServerMesDbContext"/>,
/// <see cref="PostgreSqlMesDbContext"/>);
/// application services use this base type and never know which provider runs.
/// Saving audited data writes its audit entries in the same transaction (see <see cref="Audit.AuditTrailInterceptor"/>).
/// </summary>
public abstract class MesDbContext(DbContextOptions options)
    : IdentityDbContext<MesUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Line> Lines => Set<Line>();
    public DbSet<Equipment> Equipment => Set<Equipment>();
    public DbSet<TagDefinition> TagDefinitions => Set<TagDefinition>();
    public DbSet<CleaningRecord> CleaningRecords => Set<CleaningRecord>();
    public DbSet<CalibrationRecord> CalibrationRecords => Set<CalibrationRecord>();
    public DbSet<MaintenanceWorkOrder> MaintenanceWorkOrders => Set<MaintenanceWorkOrder>();
    public DbSet<MaintenancePlan> MaintenancePlans => Set<MaintenancePlan>();
    public DbSet<Material> Materials => Set<Material>();
    public DbSet<MaterialLot> MaterialLots => Set<MaterialLot>();
    public DbSet<InventoryLedgerEntry> InventoryLedger => Set<InventoryLedgerEntry>();
    public DbSet<StateInterval> StateIntervals => Set<StateInterval>();
    public DbSet<Domain.Performance.ShiftCalendar> ShiftCalendars => Set<Domain.Performance.ShiftCalendar>();
    public DbSet<Domain.Performance.StopReason> StopReasons => Set<Domain.Performance.StopReason>();
    public DbSet<Excursion> Excursions => Set<Excursion>();
    public DbSet<ProductionCount> ProductionCounts => Set<ProductionCount>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<TelemetryChannel> TelemetryChannels => Set<TelemetryChannel>();
    public DbSet<TelemetrySample> TelemetrySamples => Set<TelemetrySample>();
    public DbSet<QuarantinedMessage> QuarantinedMessages => Set<QuarantinedMessage>();
    public DbSet<DeviceCredential> DeviceCredentials => Set<DeviceCredential>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<MasterRecipe> MasterRecipes => Set<MasterRecipe>();
    public DbSet<RecipeStep> RecipeSteps => Set<RecipeStep>();
    public DbSet<ProductionOrder> ProductionOrders => Set<ProductionOrder>();
    public DbSet<Domain.Planning.ScheduledOperation> ScheduledOperations => Set<Domain.Planning.ScheduledOperation>();
    public DbSet<Domain.Planning.ScheduleImpact> ScheduleImpacts => Set<Domain.Planning.ScheduleImpact>();
    public DbSet<Batch> Batches => Set<Batch>();
    public DbSet<BatchStep> BatchSteps => Set<BatchStep>();
    public DbSet<BatchRecordEntry> BatchRecordEntries => Set<BatchRecordEntry>();
    public DbSet<QualityException> QualityExceptions => Set<QualityException>();
    public DbSet<ElectronicSignature> Signatures => Set<ElectronicSignature>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<Cluster.ClusterLease> ClusterLeases => Set<Cluster.ClusterLease>();
    public DbSet<LotBalance> LotBalances => Set<LotBalance>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    /// <summary>The keys that protect sign-in cookies: kept in the database so sessions survive a restart and nodes share them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Who answers for the changes this unit of work saves: fixed when it begins
    /// (<see cref="AuditedContexts.CreateDbContextAsync"/>) and never changed afterwards. The audit
    /// trail interceptor reads it; a save of audited data without one is refused.
    /// </summary>
    public AuditActor? AuditActor { get; private set; }

    /// <summary>The clock of a replayed history (the demo's past week) instead of the app's; null for live work.</summary>
    internal TimeProvider? ReplayClock { get; private set; }

    private readonly List<AuditRecord> _auditEvents = [];
    private bool _outboxWritten;
    private readonly HashSet<Guid> _stockChanged = [];
    private readonly HashSet<string> _batchesChanged = [];
    private readonly HashSet<string> _equipmentChanged = [];
    private readonly HashSet<string> _exceptionsChanged = [];
    private readonly HashSet<string> _ordersChanged = [];
    private readonly Dictionary<Guid, DateTimeOffset> _historyChanged = [];
    private bool _plantChanged;
    private bool _lotsChanged;

    /// <summary>Fixes who this unit of work acts for; a context already acting for someone else is refused.</summary>
    internal MesDbContext ActingFor(AuditActor actor)
    {
        if (AuditActor is not null && AuditActor != actor)
            throw new InvalidOperationException($"This unit of work already acts for {AuditActor.Name}: begin another one to act for {actor.Name}.");
        AuditActor = actor;
        return this;
    }

    /// <summary>Stamps what this unit of work saves with <paramref name="clock"/>: only for a history replayed in the past.</summary>
    internal MesDbContext Replaying(TimeProvider clock)
    {
        ReplayClock = clock;
        return this;
    }

    /// <summary>Adds an audit record that is not a change of an entity (a failed signing attempt), written with the next save.</summary>
    public void RecordAuditEvent(AuditRecord record) => _auditEvents.Add(record);

    /// <summary>The audit records of the next save that are not changes of an entity.</summary>
    internal IReadOnlyList<AuditRecord> PendingAuditEvents => _auditEvents;

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // The interceptors write the audit trail, lot balances and outbox; this only draws the transaction
        // around them. An interceptor cannot: a retrying execution strategy refuses a transaction it did not begin.
        ChangeTracker.DetectChanges();
        if (Database.CurrentTransaction is not null || !HasAuditedChanges())
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            _auditEvents.Clear();
            return count;
        }

        // The audit entries and the change they record commit together or not at all.
        var strategy = Database.CreateExecutionStrategy();
        var saved = await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await Database.BeginTransactionAsync(ct);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await transaction.CommitAsync(ct);
            return count;
        }, cancellationToken);
        _auditEvents.Clear();
        if (acceptAllChangesOnSuccess)
            ChangeTracker.AcceptAllChanges();
        return saved;
    }

    /// <summary>Whether the save will write audit entries: audited data changed or an audit event waits.</summary>
    internal bool HasAuditedChanges() =>
        _auditEvents.Count > 0 || ChangeTracker.Entries().Any(e => e.State != EntityState.Unchanged && AuditedEntities.For(e.Metadata.ClrType) is not null);

    /// <summary>Materials whose stock the save posted.</summary>
    internal void StockPosted(IEnumerable<Guid> materials) => _stockChanged.UnionWith(materials);

    /// <summary>The save wrote ERP outbox messages: the dispatcher is woken after the commit.</summary>
    internal void OutboxWritten() => _outboxWritten = true;

    /// <summary>Notes what the pending changes touch, published once they commit (see <see cref="CommitFeedInterceptor"/>).</summary>
    internal void CollectCommittedChanges()
    {
        // A lot released, rejected or expired moves its stock from one status to another.
        var lots = ChangeTracker.Entries<MaterialLot>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(l => l.Status).IsModified))
            .Select(e => e.Entity.MaterialId).ToList();
        _stockChanged.UnionWith(lots);
        _lotsChanged |= lots.Count > 0;
        _batchesChanged.UnionWith(ChangeTracker.Entries<Batch>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity.Number.Value));
        _ordersChanged.UnionWith(ChangeTracker.Entries<ProductionOrder>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity.Number.Value));
        _exceptionsChanged.UnionWith(ChangeTracker.Entries<Domain.Quality.QualityException>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity.Number.Value));
        // Equipment whose fitness for use changed (status, cleaning, calibration): screens that offer it re-read.
        _equipmentChanged.UnionWith(ChangeTracker.Entries<Equipment>()
            .Where(e => e.State is EntityState.Added || (e.State == EntityState.Modified && (e.Property(x => x.Status).IsModified
                || e.Property(x => x.CleanUntil).IsModified || e.Property(x => x.CalibrationDueOn).IsModified || e.Property(x => x.CalibrationFailedOn).IsModified)))
            .Select(e => e.Entity.Code.Value));
        // What OEE reads: a reason given later may concern any stop of the equipment, so it touches all of its history.
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var touched = entry.Entity switch
            {
                ProductionCount count => (count.EquipmentId, count.At),
                StateInterval interval => (interval.EquipmentId, interval.StartedAt),
                Domain.Performance.StopReason reason => (reason.EquipmentId, DateTimeOffset.MinValue),
                _ => ((Guid, DateTimeOffset)?)null,
            };
            if (touched is var (equipment, at) && (!_historyChanged.TryGetValue(equipment, out var earliest) || at < earliest))
                _historyChanged[equipment] = at;
        }
        // Equipment is modified all day by its device (state, counters); only new equipment, or a new Sparkplug address, changes the model.
        _plantChanged |= ChangeTracker.Entries().Any(e =>
            (e.Entity is Site or Area or Line or TagDefinition && e.State is EntityState.Added or EntityState.Modified)
            || (e.Entity is Equipment && e.State == EntityState.Added)
            || (e.Entity is Equipment && e.State == EntityState.Modified
                && (e.Property(nameof(Domain.Plant.Equipment.SparkplugGroupId)).IsModified || e.Property(nameof(Domain.Plant.Equipment.SparkplugEdgeNodeId)).IsModified
                    || e.Property(nameof(Domain.Plant.Equipment.SparkplugDeviceId)).IsModified)));
    }

    /// <summary>What the saves since the last commit changed; cleared as it is taken.</summary>
    internal CommittedChanges? TakeCommittedChanges()
    {
        if (!_outboxWritten && _stockChanged.Count == 0 && _batchesChanged.Count == 0 && _equipmentChanged.Count == 0 && !_plantChanged
            && _exceptionsChanged.Count == 0 && _historyChanged.Count == 0 && _ordersChanged.Count == 0)
            return null;
        var changes = new CommittedChanges(_outboxWritten, _stockChanged.ToHashSet(), _batchesChanged.ToHashSet())
        {
            EquipmentChanged = _equipmentChanged.ToHashSet(),
            PlantChanged = _plantChanged,
            QualityExceptionsChanged = _exceptionsChanged.ToHashSet(),
            HistoryChanged = new Dictionary<Guid, DateTimeOffset>(_historyChanged),
            OrdersChanged = _ordersChanged.ToHashSet(),
            LotsChanged = _lotsChanged,
        };
        _lotsChanged = false;
        _ordersChanged.Clear();
        _historyChanged.Clear();
        _outboxWritten = false;
        _plantChanged = false;
        _stockChanged.Clear();
        _batchesChanged.Clear();
        _equipmentChanged.Clear();
        _exceptionsChanged.Clear();
        return changes;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MesDbContext).Assembly);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Upkeep;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Cluster;
using PharmaMes.Infrastructure.Maintenance;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Signatures;

namespace PharmaMes.Infrastructure.Demo;

/// <summary>
/// The demo plant's cleaning and maintenance crew, so the demo runs for days without jamming: a while
/// after a unit is left dirty an operator cleans it and signs, a supervisor verifies it a little later,
/// an overdue calibration is done by the maintenance technician, and a preventive work order is started,
/// completed and released (signed) a few minutes apart. They act through the same services
/// and signatures as people at a terminal, so everything they do is in the records, the logbook and
/// the audit trail, and for a few minutes the maintenance page shows what waits.
/// </summary>
public sealed partial class DemoMaintenanceCrew(
    IDbContextFactory<MesDbContext> contexts,
    CleaningService cleaning,
    CalibrationService calibration,
    WorkOrderService workOrders,
    IOptions<DemoOptions> demo,
    ClusterLeadership leadership,
    TimeProvider clock,
    ILogger<DemoMaintenanceCrew> logger) : BackgroundService
{
    /// <summary>How long a unit stands dirty, or a cleaning waits for its verifier, before the crew gets to it.</summary>
    public static readonly TimeSpan Reaction = TimeSpan.FromMinutes(3);
    /// <summary>How long a calibration is left overdue before the technician comes.</summary>
    public static readonly TimeSpan CalibrationReaction = TimeSpan.FromMinutes(10);
    /// <summary>How long a preventive work order stays open before the technician starts it.</summary>
    public static readonly TimeSpan WorkOrderReaction = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Round = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The crew counts its reaction times from when it came on shift at the earliest: the demo opens on a
    /// plant with work waiting (a skid being cleaned, a filler out of calibration) that people should see first.
    /// </summary>
    private readonly DateTimeOffset _onShiftSince = clock.GetUtcNow();

    private DateTimeOffset Waiting(DateTimeOffset since) => since < _onShiftSince ? _onShiftSince : since;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Round, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // One crew for the cluster: the leader's.
                if (!leadership.IsLeader)
                    continue;
                try
                {
                    await TendAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A batch or a person took the unit first, or the database was busy: the next round sees
                    // the plant as it is then. The crew never stops the app.
                    LogRoundFailed(ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round of the crew: cleans, verifies and calibrates what has waited long enough. Returns what it did.</summary>
    public async Task<IReadOnlyList<string>> TendAsync(CancellationToken cancellationToken = default)
    {
        var crew = await CrewAsync(cancellationToken);
        if (crew is null)
            return [];
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var done = new List<string>();
        // The schedule's hourly run also raises these; the crew does not wait an hour for a plan that just fell due.
        done.AddRange((await workOrders.RaiseDuePreventiveAsync(cancellationToken)).Select(n => $"preventive work order {n} raised"));
        List<Equipment> units;
        List<CleaningRecord> awaiting;
        List<MaintenanceWorkOrder> preventive;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            units = await db.Equipment.AsNoTracking().ToListAsync(cancellationToken);
            awaiting = await db.CleaningRecords.AsNoTracking().Where(c => c.Status == CleaningRecordStatus.AwaitingVerification).ToListAsync(cancellationToken);
            preventive = await db.MaintenanceWorkOrders.AsNoTracking()
                .Where(w => w.Kind == WorkOrderKind.Preventive && w.Status != WorkOrderStatus.Released && w.Status != WorkOrderStatus.Cancelled)
                .ToListAsync(cancellationToken);
        }
        // Each piece of work stands alone: a unit a batch or a device took meanwhile is left for the next round.
        async Task DoAsync(string what, Func<Task> work)
        {
            try
            {
                await work();
                done.Add(what);
            }
            catch (DomainException ex)
            {
                LogSkipped(what, ex.Message);
            }
        }
        foreach (var record in awaiting.Where(r => now - Waiting(r.CleanedAt) >= Reaction))
        {
            var verifier = record.CleanedById == crew.Supervisor.Actor.UserId ? crew.Operator : crew.Supervisor;
            await DoAsync($"verified the cleaning of {record.EquipmentCode}",
                () => cleaning.VerifyAsync(record.Id, verifier.Credentials, verifier.Actor, cancellationToken));
        }
        foreach (var unit in units.Where(u => NeedsCleaning(u, now, Waiting) && awaiting.All(r => r.EquipmentId != u.Id)))
        {
            var method = unit.CleaningMethodShortfall(CleaningMethod.Minor, now) is null && unit.LastProductCode is not null ? CleaningMethod.Minor : CleaningMethod.Major;
            var agent = method == CleaningMethod.Minor ? "Purified water" : "1 % alkaline detergent, purified water rinse";
            await DoAsync($"cleaned {unit.Code} ({method})", () => cleaning.RecordAsync(unit.Code.Value, new CleaningEntry(method, agent, now, "Cleaned by the demo crew"),
                crew.Operator.Credentials, crew.Operator.Actor, cancellationToken));
        }
        foreach (var unit in units.Where(u => !u.IsRetired && CalibrationOverdueSince(u) is { } since && now - Waiting(since) >= CalibrationReaction))
        {
            await DoAsync($"calibrated {unit.Code}", () => calibration.RecordAsync(unit.Code.Value, new CalibrationEntry(Instrument(unit), "Demo reference standard",
                    $"DEMO-CERT-{today:yyyy}", "Within tolerance", "Within tolerance", true, today, today.AddDays(unit.CalibrationIntervalDays), "Calibrated by the demo crew"),
                crew.Maintenance.Credentials, crew.Maintenance.Actor, cancellationToken));
        }
        // Corrective work orders are left to people: the crew only works the planned ones.
        foreach (var order in preventive)
        {
            var unit = units.Single(u => u.Id == order.EquipmentId);
            switch (order.Status)
            {
                case WorkOrderStatus.Open or WorkOrderStatus.Assigned when now - Waiting(order.RaisedAt) >= WorkOrderReaction
                    && unit.Status is EquipmentStatus.Clean or EquipmentStatus.Dirty && unit.State is not (EquipmentState.Running or EquipmentState.Held):
                    await DoAsync($"started {order.Number} on {unit.Code}", () => workOrders.StartAsync(order.Number, crew.Maintenance.Actor, cancellationToken));
                    break;
                case WorkOrderStatus.InProgress when now - Waiting(order.StartedAt!.Value) >= Reaction:
                    await DoAsync($"completed {order.Number}", () => workOrders.CompleteAsync(order.Number, $"Done as planned: {order.Task}",
                        "Parts as listed in the task", crew.Maintenance.Actor, cancellationToken));
                    break;
                case WorkOrderStatus.Completed when now - Waiting(order.CompletedAt!.Value) >= Reaction:
                    await DoAsync($"released {order.Number}", () => workOrders.ReleaseAsync(order.Number, crew.Supervisor.Credentials, crew.Supervisor.Actor, cancellationToken));
                    break;
            }
        }
        if (done.Count > 0)
            LogRound(string.Join("; ", done));
        return done;
    }

    /// <summary>Dirty or past its clean hold for a while, and not running product: a person would clean it now.</summary>
    private static bool NeedsCleaning(Equipment unit, DateTimeOffset now, Func<DateTimeOffset, DateTimeOffset> waiting)
    {
        if (unit.State is EquipmentState.Running or EquipmentState.Held)
            return false;
        return unit.Status switch
        {
            EquipmentStatus.Dirty => now - waiting(unit.DirtySince ?? unit.StatusSince) >= Reaction,
            EquipmentStatus.Clean => unit.CleanUntil is { } until && now - waiting(until) >= Reaction,
            // Being cleaned with no record yet (e.g. a cycle that never reported its end): record the cleaning.
            EquipmentStatus.Cleaning => now - waiting(unit.StatusSince) >= Reaction,
            _ => false,
        };
    }

    private DateTimeOffset? CalibrationOverdueSince(Equipment unit)
    {
        if (unit.CalibrationFailedOn is { } failed)
            return new DateTimeOffset(failed.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (unit.CalibrationDueOn is not { } due)
            return unit.StatusSince;
        var overdueFrom = new DateTimeOffset(due.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return clock.GetUtcNow() >= overdueFrom ? overdueFrom : null;
    }

    private static string Instrument(Equipment unit) => unit.Class switch
    {
        EquipmentClass.DispensingBooth => "weight",
        EquipmentClass.TabletPress => "compression_force",
        _ => "temperature and pressure sensors",
    };

    private sealed record CrewMember(AuditActor Actor, SignatureCredentials Credentials);

    private sealed record Crew(CrewMember Operator, CrewMember Supervisor, CrewMember Maintenance);

    private async Task<Crew?> CrewAsync(CancellationToken cancellationToken)
    {
        string[] names = ["operator", "supervisor", "maintenance"];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!) && !u.IsDisabled).ToDictionaryAsync(u => u.UserName!, cancellationToken);
        if (names.Any(n => !users.ContainsKey(n)))
            return null;
        CrewMember As(string userName) => new(new AuditActor(users[userName].Id, userName), new SignatureCredentials(userName, demo.Value.Password));
        return new Crew(As("operator"), As("supervisor"), As("maintenance"));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo crew: {Work}")]
    private partial void LogRound(string work);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo crew left for later: {Work}: {Reason}")]
    private partial void LogSkipped(string work, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo crew round stopped: {Reason}")]
    private partial void LogRoundFailed(string reason);
}

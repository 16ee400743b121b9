using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Alerts;
using PharmaMes.Domain.Audit;
using PharmaMes.Domain.Common;
using PharmaMes.Infrastructure.Alerts;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Live;
using static PharmaMes.Infrastructure.Tests.Production.TestBatches;

namespace PharmaMes.Infrastructure.Tests.Alerts;

/// <summary>Acknowledging alerts through <see cref="AlertAcknowledgement"/> on a real SQLite file: the alert, the trail, the live event and the list people see.</summary>
public class AlertAcknowledgementFlow
{
    [Fact]
    public async Task AnAcknowledgementRecordsThePersonInTheAlertAndTheAuditTrailAndIsAnnounced()
    {
        await using var host = await MesTestHost.StartAsync();
        var operatorUser = await PersonAsync(host, "operator");
        var alert = await RaiseAsync(host, AlertKind.EquipmentDown, "TP-01", "TP-01 is Down: Punch tip breakage");
        var heard = new List<AlertAcknowledged>();
        using var subscription = host.Get<LiveEvents>().Subscribe<AlertAcknowledged>(heard.Add);

        var view = await host.Get<AlertAcknowledgement>().AcknowledgeAsync(alert.Id, "Maintenance is on its way", operatorUser);

        Assert.NotNull(view);
        Assert.Equal((AlarmState.ActiveAcknowledged, "operator", "Olga Petrova", "Maintenance is on its way"),
            (view.State, view.AcknowledgedBy, view.AcknowledgedByName, view.AcknowledgementComment));
        await using var db = host.NewContext();
        var stored = await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == alert.Id);
        Assert.Equal((AlarmState.ActiveAcknowledged, "Olga Petrova"), (stored.State, stored.AcknowledgedByName));
        Assert.Equal(view.AcknowledgedAt, stored.AcknowledgedAt);
        var trail = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == AlertAcknowledgement.SubjectType && a.EntityId == alert.Id.ToString()).ToListAsync();
        Assert.All(trail, a => Assert.Equal((AuditAction.Changed, "operator", operatorUser.UserId, "EquipmentDown TP-01"), (a.Action, a.UserName, a.UserId, a.EntityLabel)));
        Assert.Contains(trail, a => a.Field == nameof(Alert.AcknowledgedBy) && a.OldValue == null && a.NewValue == "operator");
        Assert.Contains(trail, a => a.Field == nameof(Alert.AcknowledgedByName) && a.NewValue == "Olga Petrova");
        Assert.Contains(trail, a => a.Field == nameof(Alert.AcknowledgementComment) && a.NewValue == "Maintenance is on its way");
        Assert.True((await host.Get<AuditTrailService>().VerifyAsync()).Valid);
        var announced = Assert.Single(heard);
        Assert.Equal((alert.Id, AlarmState.ActiveAcknowledged, "Olga Petrova", "Maintenance is on its way"),
            (announced.Id, announced.State, announced.AcknowledgedByName, announced.Comment));
    }

    [Fact]
    public async Task ASecondAcknowledgementIsRefusedNamingTheFirstAndChangesNothing()
    {
        await using var host = await MesTestHost.StartAsync();
        var acknowledgement = host.Get<AlertAcknowledgement>();
        var alert = await RaiseAsync(host, AlertKind.Excursion, "BR-01", "BR-01 Culture temperature 37.62 °C is above its alarm limit 37.5 °C.");
        await acknowledgement.AcknowledgeAsync(alert.Id, null, await PersonAsync(host, "operator"));
        var qa = await PersonAsync(host, "qa");

        var error = await Assert.ThrowsAsync<AlertAlreadyAcknowledgedException>(() => acknowledgement.AcknowledgeAsync(alert.Id, "Also seen", qa));

        Assert.StartsWith("This alert was already acknowledged by Olga Petrova at ", error.Message);
        await using var db = host.NewContext();
        var stored = await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == alert.Id);
        Assert.Equal(("operator", null), (stored.AcknowledgedBy, stored.AcknowledgementComment));
        Assert.DoesNotContain(await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == alert.Id.ToString()).ToListAsync(), a => a.UserName == "qa");
    }

    [Fact]
    public async Task AnUnknownAlertIsNullAndAMachineClientCannotAcknowledge()
    {
        await using var host = await MesTestHost.StartAsync();
        var acknowledgement = host.Get<AlertAcknowledgement>();
        var alert = await RaiseAsync(host, AlertKind.EquipmentDown, "GR-01", "GR-01 is Down: Motor overload trip");

        Assert.Null(await acknowledgement.AcknowledgeAsync(Guid.NewGuid(), null, await PersonAsync(host, "operator")));
        await Assert.ThrowsAsync<DomainException>(() => acknowledgement.AcknowledgeAsync(alert.Id, null, new AuditActor(null, "erp-client")));

        Assert.Equal(AlarmState.ActiveUnacknowledged, (await host.Get<AlertQueries>().GetAsync(alert.Id))!.State);
    }

    [Fact]
    public async Task PeopleSeeEveryAlertNotBackToNormalNewestFirstAndCanFilterByState()
    {
        await using var host = await MesTestHost.StartAsync();
        var acknowledgement = host.Get<AlertAcknowledgement>();
        var person = await PersonAsync(host, "supervisor");
        var start = host.Get<TimeProvider>().GetUtcNow().AddDays(1);
        var active = await RaiseAsync(host, AlertKind.EquipmentDown, "TP-01", "TP-01 is Down: a", start);
        var acknowledged = await RaiseAsync(host, AlertKind.EquipmentDown, "TP-01", "TP-01 is Down: b", start.AddMinutes(1));
        var clearedUnacknowledged = await RaiseAsync(host, AlertKind.Excursion, "BR-01", "BR-01 too warm", start.AddMinutes(2), cleared: true);
        var normal = await RaiseAsync(host, AlertKind.Excursion, "BR-01", "BR-01 too cold", start.AddMinutes(3), cleared: true);
        await acknowledgement.AcknowledgeAsync(acknowledged.Id, null, person);
        await acknowledgement.AcknowledgeAsync(normal.Id, "Back within limits", person);
        var queries = host.Get<AlertQueries>();

        var shown = (await queries.ListAsync()).Where(a => a.RaisedAt >= start).ToList();

        Assert.Equal([clearedUnacknowledged.Id, acknowledged.Id, active.Id], shown.Select(a => a.Id));
        Assert.Equal([AlarmState.ClearedUnacknowledged, AlarmState.ActiveAcknowledged, AlarmState.ActiveUnacknowledged], shown.Select(a => a.State));
        Assert.Equal([normal.Id], (await queries.ListAsync(AlarmState.Normal)).Where(a => a.RaisedAt >= start).Select(a => a.Id));
        Assert.Equal([clearedUnacknowledged.Id], (await queries.ListAsync(AlarmState.ClearedUnacknowledged)).Where(a => a.RaisedAt >= start).Select(a => a.Id));
        Assert.DoesNotContain(await queries.ListAsync(kinds: [AlertKind.BelowReorderPoint, AlertKind.StockOutProjected]), a => a.RaisedAt >= start);
    }

    [Fact]
    public async Task OfTwoAcknowledgementsReadAtTheSameTimeOnlyTheFirstIsStored()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        var alert = await RaiseAsync(host, AlertKind.EquipmentDown, "TP-01", "TP-01 is Down: Punch tip breakage");
        await using var first = host.NewContext();
        await using var second = host.NewContext();
        var seenByFirst = await first.Alerts.SingleAsync(a => a.Id == alert.Id);
        var seenBySecond = await second.Alerts.SingleAsync(a => a.Id == alert.Id);
        seenByFirst.Acknowledge("operator", "Olga Petrova", DateTimeOffset.UtcNow, "First");
        seenBySecond.Acknowledge("qa", "Quinn Andersen", DateTimeOffset.UtcNow, "Second");

        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var db = host.NewContext();
        Assert.Equal(("operator", "First"), await db.Alerts.Where(a => a.Id == alert.Id).Select(a => ValueTuple.Create(a.AcknowledgedBy, a.AcknowledgementComment)).SingleAsync());
    }

    private static async Task<Alert> RaiseAsync(MesTestHost host, AlertKind kind, string source, string message, DateTimeOffset? at = null, bool cleared = false)
    {
        var raisedAt = at ?? host.Get<TimeProvider>().GetUtcNow();
        var alert = new Alert(kind, source, message, raisedAt);
        if (cleared)
            alert.Clear(raisedAt.AddSeconds(30));
        await using var db = host.NewContext();
        db.Alerts.Add(alert);
        await db.SaveChangesAsync();
        return alert;
    }
}

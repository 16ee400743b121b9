using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Materials;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Signatures;
using PharmaMes.Infrastructure.Tests.Production;
using static PharmaMes.Infrastructure.Tests.Production.TestBatches;

namespace PharmaMes.Infrastructure.Tests.Materials;

/// <summary>
/// Two nodes (or two QA people) decide on one lot at once: the first decision stands, the second is refused with a
/// conflict that says so, and neither its status change, its signature nor its audit entries are written.
/// </summary>
public class ConcurrentLotDecisions
{
    private static readonly LotNumber Quarantined = new("PARA-24-0121");

    [Fact]
    public async Task TheSecondOfTwoStatusChangesFromTheSameVersionIsRefusedAndLeavesNoTrace()
    {
        await using var host = await MesTestHost.StartAsync();
        var qa = await PersonAsync(host, "qa");
        var supervisor = await PersonAsync(host, "supervisor");

        await using var first = host.NewContext(qa);
        await using var second = host.NewContext(supervisor);
        var byFirst = await first.MaterialLots.SingleAsync(l => l.Number == Quarantined);
        var bySecond = await second.MaterialLots.SingleAsync(l => l.Number == Quarantined);
        byFirst.Release(DateTimeOffset.UtcNow);
        bySecond.Reject("Assay out of specification", DateTimeOffset.UtcNow);
        await first.SaveOrRefuseAsync(CancellationToken.None);
        var refused = await Assert.ThrowsAsync<ChangedMeanwhileException>(() => second.SaveOrRefuseAsync(CancellationToken.None));

        Assert.Equal($"Lot {Quarantined} was changed by someone else meanwhile; reload and try again. Nothing of this change was saved.", refused.Message);
        await using var db = host.NewContext();
        var stored = await db.MaterialLots.AsNoTracking().SingleAsync(l => l.Number == Quarantined);
        Assert.Equal(LotStatus.Released, stored.Status);
        Assert.Null(stored.StatusReason);
        var statusChanges = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "MaterialLot" && e.EntityLabel == Quarantined.Value && e.Field == "Status").ToListAsync();
        var entry = Assert.Single(statusChanges);
        Assert.Equal(("Quarantine", "Released", "qa"), (entry.OldValue, entry.NewValue, entry.UserName));
    }

    [Fact]
    public async Task QaReleasingALotAnotherQaRejectsMeanwhileIsToldToReloadAndSignsNothing()
    {
        await using var host = await MesTestHost.StartAsync();
        var qa = await PersonAsync(host, "qa");
        var dispositions = host.Get<LotDispositionService>();
        // Between the release reading the lot and saving it, another node saves QA's rejection of it.
        var meanwhile = new Meanwhile(() => dispositions.RejectAsync(Quarantined.Value, "Assay out of specification", Credentials("qa"), qa));
        var releasing = new LotDispositionService(host.Get<IDbContextFactory<MesDbContext>>(), host.Get<ElectronicSigning>(), meanwhile);

        var refused = await Assert.ThrowsAsync<ChangedMeanwhileException>(() => releasing.ReleaseAsync(Quarantined.Value, Credentials("qa"), qa));

        Assert.True(meanwhile.Happened);
        Assert.Equal($"Lot {Quarantined} was changed by someone else meanwhile; reload and try again. Nothing of this change was saved.", refused.Message);
        await using var db = host.NewContext();
        var lot = await db.MaterialLots.AsNoTracking().SingleAsync(l => l.Number == Quarantined);
        Assert.Equal((LotStatus.Rejected, "Assay out of specification"), (lot.Status, lot.StatusReason));
        var signature = await db.Signatures.AsNoTracking().SingleAsync(s => s.SubjectType == "MaterialLot" && s.SubjectId == lot.Id);
        Assert.Equal(SignatureMeaning.Rejected, signature.Meaning);
        var statusChanges = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "MaterialLot" && e.EntityLabel == Quarantined.Value && e.Field == "Status").ToListAsync();
        Assert.Equal("Rejected", Assert.Single(statusChanges).NewValue);
        Assert.DoesNotContain(await db.OutboxMessages.AsNoTracking().Where(m => m.Aggregate == "Lot:" + Quarantined.Value).ToListAsync(),
            m => m.Payload.Contains("\"status\":\"Released\""));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Materials;
using PharmaMes.Infrastructure.Outbox;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Signatures;
using static PharmaMes.Infrastructure.Tests.Production.TestBatches;

namespace PharmaMes.Infrastructure.Tests.Materials;

public class LotDisposition
{
    [Fact]
    public async Task QaReleasesAQuarantinedLotWithASignatureAndTheErpHearsOfIt()
    {
        await using var host = await MesTestHost.StartAsync();
        var qa = await PersonAsync(host, "qa");

        await host.Get<LotDispositionService>().ReleaseAsync("PARA-24-0121", Credentials("qa"), qa);

        await using var db = host.NewContext();
        var lot = await db.MaterialLots.SingleAsync(l => l.Number == new LotNumber("PARA-24-0121"));
        Assert.Equal(LotStatus.Released, lot.Status);
        var signature = await db.Signatures.SingleAsync(s => s.SubjectType == "MaterialLot" && s.SubjectId == lot.Id);
        Assert.Equal(SignatureMeaning.Released, signature.Meaning);
        Assert.True(signature.IsValidFor(lot.DispositionContent(LotStatus.Released, null)));
        Assert.Contains(await db.OutboxMessages.Where(m => m.Aggregate == "Lot:PARA-24-0121").ToListAsync(),
            m => m.Type == ErpMessageType.LotStatusChanged && m.Payload.Contains("\"status\":\"Released\""));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "MaterialLot" && a.Field == "Status" && a.NewValue == "Released" && a.UserName == "qa"));
    }

    [Fact]
    public async Task QaPutsAReleasedLotOnHoldWithASignedReasonAndMayRejectItThere()
    {
        await using var host = await MesTestHost.StartAsync();
        var qa = await PersonAsync(host, "qa");
        var dispositions = host.Get<LotDispositionService>();

        var noReason = await Assert.ThrowsAsync<DomainException>(() => dispositions.HoldAsync("PARA-24-0117", "", Credentials("qa"), qa));
        await dispositions.HoldAsync("PARA-24-0117", "Customer complaint: black specks", Credentials("qa"), qa);
        var twice = await Assert.ThrowsAsync<DomainException>(() => dispositions.HoldAsync("PARA-24-0117", "Again", Credentials("qa"), qa));

        Assert.Contains("reason", noReason.Message);
        Assert.Contains("only a released lot can be put on hold", twice.Message);
        await using (var db = host.NewContext())
        {
            var lot = await db.MaterialLots.SingleAsync(l => l.Number == new LotNumber("PARA-24-0117"));
            Assert.Equal((LotStatus.Quarantine, "Customer complaint: black specks"), (lot.Status, lot.StatusReason));
            var signature = await db.Signatures.SingleAsync(s => s.SubjectType == "MaterialLot" && s.SubjectId == lot.Id);
            Assert.Equal(SignatureMeaning.Held, signature.Meaning);
            Assert.Contains(await db.OutboxMessages.Where(m => m.Aggregate == "Lot:PARA-24-0117").ToListAsync(),
                m => m.Type == ErpMessageType.LotStatusChanged && m.Payload.Contains("\"status\":\"Quarantine\""));
        }

        // A released lot can be rejected outright too (a recall).
        await dispositions.RejectAsync("PARA-24-0117", "Complaint confirmed", Credentials("qa"), qa);
        await dispositions.RejectAsync("MGST-24-0077", "Supplier recall", Credentials("qa"), qa);
        await using var check = host.NewContext();
        Assert.Equal(2, await check.MaterialLots.CountAsync(l => l.Status == LotStatus.Rejected
            && (l.Number == new LotNumber("PARA-24-0117") || l.Number == new LotNumber("MGST-24-0077"))));
    }

    [Fact]
    public async Task ARejectionNeedsAReasonAndAWrongPasswordChangesNothing()
    {
        await using var host = await MesTestHost.StartAsync();
        var qa = await PersonAsync(host, "qa");
        var dispositions = host.Get<LotDispositionService>();

        var noReason = await Assert.ThrowsAsync<DomainException>(() => dispositions.RejectAsync("OPA-24-1180", " ", Credentials("qa"), qa));
        var wrongPassword = await Assert.ThrowsAsync<SignatureRefusedException>(() =>
            dispositions.RejectAsync("OPA-24-1180", "Supplier CoA does not match", new SignatureCredentials("qa", "not-the-password"), qa));
        await using (var db = host.NewContext())
            Assert.Equal(LotStatus.Quarantine, (await db.MaterialLots.SingleAsync(l => l.Number == new LotNumber("OPA-24-1180"))).Status);

        await dispositions.RejectAsync("OPA-24-1180", "Supplier CoA does not match", Credentials("qa"), qa);
        var again = await Assert.ThrowsAsync<DomainException>(() => dispositions.ReleaseAsync("OPA-24-1180", Credentials("qa"), qa));

        Assert.Contains("reason", noReason.Message);
        Assert.Contains("not correct", wrongPassword.Message);
        Assert.Contains("only a lot in Quarantine waits for this decision", again.Message);
        await using var check = host.NewContext();
        var lot = await check.MaterialLots.SingleAsync(l => l.Number == new LotNumber("OPA-24-1180"));
        Assert.Equal((LotStatus.Rejected, "Supplier CoA does not match"), (lot.Status, lot.StatusReason));
    }

    [Fact]
    public async Task TheDailyJobExpiresLotsPastTheirDateAndDispensingRefusesThemTheDayAfter()
    {
        await using var host = await MesTestHost.StartAsync();
        var planner = await PersonAsync(host, "planner");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var db = host.NewContext(planner))
        {
            var material = await db.Materials.SingleAsync(m => m.Code == new MaterialCode("EXC-PVP"));
            var lot = MaterialLot.Receive(new LotNumber("PVP-SHORT"), material, today, DateTimeOffset.UtcNow);
            lot.Release(DateTimeOffset.UtcNow);
            db.MaterialLots.Add(lot);
            db.InventoryLedger.Add(InventoryLedgerEntry.Receipt(lot, material.QuantityOf(10m), DateTimeOffset.UtcNow, "planner"));
            await db.SaveChangesAsync();
        }
        var tomorrow = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(1));
        var job = new LotExpiryJob(host.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<MesDbContext>>(), tomorrow, NullLogger<LotExpiryJob>.Instance);

        var onTheDay = await new LotExpiryJob(host.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<MesDbContext>>(), TimeProvider.System, NullLogger<LotExpiryJob>.Instance).RunAsync(CancellationToken.None);
        var expired = await job.RunAsync(CancellationToken.None);
        var twice = await job.RunAsync(CancellationToken.None);

        Assert.Equal(0, onTheDay);
        Assert.True(expired >= 1);
        Assert.Equal(0, twice);
        await using var check = host.NewContext();
        var short_ = await check.MaterialLots.SingleAsync(l => l.Number == new LotNumber("PVP-SHORT"));
        Assert.Equal(LotStatus.Expired, short_.Status);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == "MaterialLot" && a.Field == "Status" && a.NewValue == "Expired" && a.UserName == "system: lot expiry"));
        Assert.Contains("Expired", short_.ReasonNotUsable(today.AddDays(1)));
    }
}

using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Audit;
using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Infrastructure.Tests.Audit;

public class AuditTrailWriting
{
    private static readonly AuditActor Admin = new(Guid.CreateVersion7(), "admin");

    [Fact]
    public async Task ALotStatusChangeIsAuditedFieldByFieldWithWhoAndWhy()
    {
        await using var host = await MesTestHost.StartAsync();
        var qa = new AuditActor(Guid.CreateVersion7(), "qa.anna", "Certificate of analysis checked");
        LotNumber number;
        await using (var db = host.NewContext(qa))
        {
            var lot = await db.MaterialLots.FirstAsync(l => l.Status == LotStatus.Quarantine);
            number = lot.Number;
            lot.Release(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var page = await host.Get<AuditTrailService>().FindAsync(new AuditFilter(Record: number.Value, Action: AuditAction.Changed));

        var status = Assert.Single(page.Entries, e => e.Field == nameof(MaterialLot.Status));
        Assert.Equal("MaterialLot", status.EntityType);
        Assert.Equal(("Quarantine", "Released"), (status.OldValue, status.NewValue));
        Assert.Equal(("qa.anna", qa.UserId), (status.UserName, status.UserId));
        Assert.Equal("Certificate of analysis checked", status.Reason);
        Assert.Contains(page.Entries, e => e.Field == nameof(MaterialLot.StatusChangedAt));
    }

    [Fact]
    public async Task CreatingAUserAndChangingItsRolesIsAuditedUnderTheAdministrator()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        var users = host.Get<UserAdministration>();
        var anna = await users.CreateAsync(new NewUser("anna.b", "Anna Berg", "long-enough-pass", [MesRoles.Operator]), Admin);
        await users.SetRolesAsync(anna.Id, [MesRoles.QA], Admin);

        var trail = (await host.Get<AuditTrailService>().FindAsync(new AuditFilter(User: "admin"))).Entries;

        var created = Assert.Single(trail, e => e.EntityType == "User" && e.Action == AuditAction.Created);
        Assert.Equal("anna.b", created.EntityLabel);
        Assert.Contains("\"FullName\":\"Anna Berg\"", created.NewValue);
        Assert.Contains("\"PasswordHash\":\"(secret)\"", created.NewValue);
        Assert.Contains(trail, e => e.EntityType == "UserRole" && e.Action == AuditAction.Removed && e.EntityLabel == "anna.b: Operator");
        Assert.Contains(trail, e => e.EntityType == "UserRole" && e.Action == AuditAction.Created && e.EntityLabel == "anna.b: QA");
        Assert.All(trail, e => Assert.Equal(Admin.UserId, e.UserId));
    }

    [Fact]
    public async Task SavingGmpDataWithoutAnActorIsRefusedAndNothingIsSaved()
    {
        await using var host = await MesTestHost.StartAsync();
        Guid id;
        await using (var db = host.NewContext())
        {
            var lot = await db.MaterialLots.FirstAsync(l => l.Status == LotStatus.Quarantine);
            id = lot.Id;
            lot.Reject("Failed identity test", DateTimeOffset.UtcNow);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("audit actor", refused.Message);
        }

        await using var read = host.NewContext();
        Assert.Equal(LotStatus.Quarantine, (await read.MaterialLots.SingleAsync(l => l.Id == id)).Status);
    }

    [Fact]
    public async Task DeletingGmpDataIsRefused()
    {
        await using var host = await MesTestHost.StartAsync();
        await using var db = host.NewContext(Admin);
        db.MaterialLots.Remove(await db.MaterialLots.FirstAsync());

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("never deleted", refused.Message);
    }

    [Fact]
    public async Task AChangeThatFailsToSaveLeavesNoAuditEntryBehind()
    {
        await using var host = await MesTestHost.StartAsync();
        var before = await host.Get<AuditTrailService>().VerifyAsync();
        await using (var db = host.NewContext(Admin))
        {
            var material = await db.Materials.FirstAsync();
            // A second lot with a number that exists already breaks the unique index at commit.
            var existing = await db.MaterialLots.FirstAsync();
            db.MaterialLots.Add(MaterialLot.Receive(existing.Number, material, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1), DateTimeOffset.UtcNow));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        var after = await host.Get<AuditTrailService>().VerifyAsync();

        Assert.True(after.Valid, after.Problem);
        Assert.Equal(before.LastSequence, after.LastSequence);
    }

    [Fact]
    public async Task ConcurrentWritersExtendOneUnbrokenChain()
    {
        await using var host = await MesTestHost.StartAsync();
        List<Guid> lots;
        await using (var setup = host.NewContext())
            lots = await setup.MaterialLots.Where(l => l.Status == LotStatus.Quarantine).Select(l => l.Id).ToListAsync();
        Assert.True(lots.Count >= 2);
        var before = (await host.Get<AuditTrailService>().VerifyAsync()).LastSequence;

        await Task.WhenAll(lots.Select(id => Task.Run(async () =>
        {
            await using var db = host.NewContext(Admin);
            var lot = await db.MaterialLots.SingleAsync(l => l.Id == id);
            lot.Reject("Supplier recall", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        })));

        var verification = await host.Get<AuditTrailService>().VerifyAsync();
        Assert.True(verification.Valid, verification.Problem);
        // Status, reason and time changed on every lot: three entries each, none lost to a fork.
        Assert.Equal(before + lots.Count * 3, verification.LastSequence);
    }
}

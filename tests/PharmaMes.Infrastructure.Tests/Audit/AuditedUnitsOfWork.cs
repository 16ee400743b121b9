using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PharmaMes.Domain.Audit;
using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Tests.Audit;

/// <summary>
/// Who and when of an audit entry: the actor is the one the unit of work was begun for, the time is
/// the app's clock at the save, and neither can be set on a context afterwards.
/// </summary>
public class AuditedUnitsOfWork
{
    private static readonly AuditActor Qa = new(Guid.CreateVersion7(), "qa.anna", "Certificate of analysis checked");

    [Fact]
    public async Task AnAuditEntryNamesTheActorTheUnitOfWorkBeganForAndTheAppsClockAtTheSave()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 4, 10, 15, 0, TimeSpan.Zero));
        await using var host = await MesTestHost.StartAsync(clock: clock);
        Guid lotId;
        await using (var db = await host.Get<IDbContextFactory<MesDbContext>>().CreateDbContextAsync(Qa))
        {
            var lot = await db.MaterialLots.FirstAsync(l => l.Status == LotStatus.Quarantine);
            lotId = lot.Id;
            // The clock moves between the start of the unit of work and its save: the entry is stamped at the save.
            clock.Advance(TimeSpan.FromMinutes(42));
            lot.Release(clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await using var read = host.NewContext();
        var status = await read.AuditEntries.SingleAsync(e => e.EntityId == lotId.ToString() && e.Field == nameof(MaterialLot.Status));
        Assert.Equal(new DateTimeOffset(2031, 3, 4, 10, 57, 0, TimeSpan.Zero), status.At);
        Assert.Equal((Qa.UserId, "qa.anna", "Certificate of analysis checked"), (status.UserId, status.UserName, status.Reason));
        Assert.Equal(AuditAction.Changed, status.Action);
    }

    [Fact]
    public async Task AUnitOfWorkActsForOnePersonOnly()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        await using var db = host.NewContext(Qa);

        Assert.Throws<InvalidOperationException>(() => db.ActingFor(AuditActor.System("test", "Someone else")));
        Assert.Equal(Qa, db.AuditActor);
        // Nothing outside the unit of work's start can name another actor or another clock.
        Assert.False(typeof(MesDbContext).GetProperty(nameof(MesDbContext.AuditActor))!.SetMethod?.IsPublic ?? false);
        Assert.DoesNotContain(typeof(MesDbContext).GetProperties(), p => p.PropertyType == typeof(TimeProvider) && p.SetMethod?.IsPublic == true);
    }
}

using Microsoft.EntityFrameworkCore;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Performance;
using PharmaMes.Infrastructure.Tests.Performance;

namespace PharmaMes.Infrastructure.Tests.PostgreSql;

/// <summary>The application's own data on PostgreSQL: the demo plant, and OEE read with the hand-written running totals query.</summary>
[Collection(PostgreSqlCollection.Name)]
public class PostgreSqlDemoPlant(PostgreSqlFixture postgres)
{
    [Fact]
    public async Task TheDemoPlantSeedsWithAnAuditTrailThatVerifies()
    {
        await using var host = await MesTestHost.StartAsync(demo: true, settings: await postgres.NewDatabaseAsync());
        await using var db = host.NewContext();

        var site = await db.Sites.Include(s => s.Areas).SingleAsync();
        Assert.Equal("PLANT1", site.Code.Value);
        Assert.Equal(10, await db.Equipment.CountAsync());
        Assert.NotEmpty(await db.MaterialLots.ToListAsync());
        Assert.Equal(10, await db.StateIntervals.CountAsync(s => s.EndedAt == null));
        var verification = await host.Get<AuditTrailService>().VerifyAsync();
        Assert.True(verification.Valid, verification.Problem);
        Assert.True(verification.Checked > 0);
    }

    [Fact]
    public async Task OeeOfTheHandComputedHourComesBackFromPostgreSql()
    {
        await using var host = await OeeFromStoredHistory.PlantAsync(withCalendar: true, settings: await postgres.NewDatabaseAsync());
        var six = OeeFromStoredHistory.Six;

        var report = (await host.Get<OeeService>().ForEquipmentAsync("press", six, six.AddHours(1)))!;

        Assert.Equal(50.0 / 60, report.Figures.Availability!.Value, 10);
        Assert.Equal(0.80, report.Figures.Performance!.Value, 10);
        Assert.Equal(0.95, report.Figures.Quality!.Value, 10);
    }
}

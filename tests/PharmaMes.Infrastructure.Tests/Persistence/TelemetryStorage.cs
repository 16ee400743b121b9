using Microsoft.EntityFrameworkCore;

namespace PharmaMes.Infrastructure.Tests.Persistence;

public class TelemetryStorage
{
    [Fact]
    public async Task OnSqliteTheSamplesTableIsClusteredOnItsKey()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        await using var db = host.NewContext();

        var sql = await db.Database.SqlQueryRaw<string>("SELECT sql AS Value FROM sqlite_master WHERE name = 'TelemetrySamples'").SingleAsync();

        Assert.Contains("WITHOUT ROWID", sql);
        Assert.Contains("PRIMARY KEY (\"ChannelId\", \"Time\")", sql);
        Assert.False(db.Database.HasPendingModelChanges());
    }
}

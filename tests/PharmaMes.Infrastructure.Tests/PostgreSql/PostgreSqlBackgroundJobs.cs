using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PharmaMes.Infrastructure.Tests.Messaging;

namespace PharmaMes.Infrastructure.Tests.PostgreSql;

/// <summary>Hangfire keeps its jobs in the MES's PostgreSQL database, in a schema of its own.</summary>
[Collection(PostgreSqlCollection.Name)]
public class PostgreSqlBackgroundJobs(PostgreSqlFixture postgres)
{
    [Fact]
    public async Task TheJobServerReportsThroughPostgreSqlAndTheJobsCheckIsHealthy()
    {
        var settings = await postgres.NewDatabaseAsync();
        settings["Mqtt:Enabled"] = "false";
        await using var host = await MesTestHost.StartAsync(demo: false, settings: settings, run: true);
        var health = host.Get<HealthCheckService>();

        var jobs = await Eventually.GetAsync(
            async () => (await health.CheckHealthAsync(c => c.Name == "jobs")).Entries["jobs"],
            entry => entry.Status == HealthStatus.Healthy);

        Assert.Equal(HealthStatus.Healthy, jobs.Status);
        await using var db = host.NewContext();
        var servers = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM hangfire.server").SingleAsync();
        Assert.True(servers >= 1, "No Hangfire server row in the schema hangfire.");
    }
}

using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Jobs;

/// <summary>
/// Hangfire for the work that runs in the background: delivering the ERP outbox and the daily lot
/// expiry. With SQLite the job storage is in memory: every job's state of record is in the MES
/// database (the outbox table, the lots), so a restart loses no work, only the queue that is rebuilt
/// at start. With SQL Server or PostgreSQL the jobs are kept in that database (PostgreSQL: in the
/// schema "hangfire"), shared by every MES node.
/// The storage and activator are this host's own (not Hangfire's process-wide defaults), so two
/// hosts in one process never run each other's jobs.
/// </summary>
internal static class BackgroundJobs
{
    public static void Add(IServiceCollection services, DatabaseOptions database, bool runServer, string node)
    {
        services.AddSingleton<JobStorage>(_ => database.Provider switch
        {
            DatabaseProvider.SqlServer => new SqlServerStorage(database.ConnectionString,
                new SqlServerStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1) }),
            DatabaseProvider.PostgreSql => PostgreSqlJobStorage(database.ConnectionString),
            _ => new InMemoryStorage(),
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (!runServer)
            return;
        services.AddHangfireServer(options =>
        {
            // Few workers: the jobs are I/O-bound and the machine is shared with the ingest pipeline.
            options.WorkerCount = 4;
            // A retry booked for in 5 s should run then, not at the default 15 s poll.
            options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            options.ServerName = $"pharmames-{node}";
        });
        services.AddHostedService<RecurringJobsRegistration>();
    }

    // Its own schema: Hangfire's tables never mix with the MES's, and EF's migrations never see them.
    private static PostgreSqlStorage PostgreSqlJobStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, SchemaName = "hangfire", QueuePollInterval = TimeSpan.FromSeconds(1) };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }
}

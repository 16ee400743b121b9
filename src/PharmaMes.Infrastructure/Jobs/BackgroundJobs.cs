using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.SqlServer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Jobs;

/// <summary>
/// Hangfire for the work that runs in the background: delivering the ERP outbox and the daily lot
/// expiry. With SQLite the job storage is in memory: every job's state of record is in the MES
/// database (the outbox table, the lots), so a restart loses no work, only the queue that is rebuilt
/// at start. With SQL Server the jobs are kept in SQL Server, shared by every MES node.
/// The storage and activator are this host's own (not Hangfire's process-wide defaults), so two
/// hosts in one process never run each other's jobs.
/// </summary>
internal static class BackgroundJobs
{
    public static void Add(IServiceCollection services, DatabaseOptions database, bool runServer, string node)
    {
        services.AddSingleton<JobStorage>(_ => database.Provider == DatabaseProvider.SqlServer
            ? new SqlServerStorage(database.ConnectionString, new SqlServerStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1) })
            : new InMemoryStorage());
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
}

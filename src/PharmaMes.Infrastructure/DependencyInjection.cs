using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PharmaMes.Infrastructure.Demo;
using Microsoft.Extensions.Options;
using PharmaMes.Infrastructure.Identity;
using PharmaMes.Infrastructure.Live;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Materials;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Plant;
using PharmaMes.Infrastructure.Telemetry;

namespace PharmaMes.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Registers the database, identity and every application service.</summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var database = DatabaseOptions.Read(builder.Configuration, AppContext.BaseDirectory);
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        AddDatabase(services, database);
        AddCluster(services, builder.Configuration);

        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section)
            .Validate(d => !d.Enabled || d.Password.Length >= 12, "Demo:Password must be at least 12 characters when Demo:Enabled is true.")
            .Validate(d => !d.Enabled || d.ApiKey.Length is 0 or >= 32, "Demo:ApiKey must be empty or at least 32 characters.")
            .ValidateOnStart();
        services.AddDataProtection().SetApplicationName("PharmaMes").PersistKeysToDbContext<MesDbContext>();
        AddIdentity(services, builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions());

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HealthTags.Ready]);

        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<RoleSeeder>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<UserSessions>();
        services.AddSingleton<CredentialRevocations>();
        services.AddSingleton<FirstAdministrator>();
        services.AddSingleton(Audit.AuditChainOptions.Read(builder.Configuration, database, AppContext.BaseDirectory));
        services.AddSingleton<Audit.AuditChainKeys>();
        services.AddSingleton<Audit.AuditCheckpoints>();
        services.AddHostedService<Audit.AuditCheckpointWriter>();
        services.AddSingleton<Audit.AuditTrailService>();
        services.AddSingleton<Signatures.ElectronicSigning>();
        services.AddSingleton<Production.BatchExecutionService>();
        services.AddSingleton<Production.TelemetryCapture>();
        services.AddOptions<Performance.PerformanceOptions>().BindConfiguration(Performance.PerformanceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Performance.OeeService>();
        services.AddSingleton<Performance.OeePeriodCache>();
        services.AddSingleton<Performance.ShiftCalendarService>();
        services.AddSingleton<Performance.StopReasonService>();
        services.AddOptions<Production.ValueCaptureOptions>().BindConfiguration(Production.ValueCaptureOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Production.BatchReviewService>();
        services.AddSingleton<Production.WorkQueueService>();
        services.AddSingleton<Production.ProductionOrderService>();
        services.AddOptions<Planning.PlanningOptions>().BindConfiguration(Planning.PlanningOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Planning.PlanningProblemReader>();
        services.AddSingleton<Planning.ScheduleService>();
        services.AddHostedService<Planning.ScheduleWatch>();
        services.AddSingleton<Planning.ImpactService>();
        services.AddSingleton<Planning.MaterialPlanService>();
        services.AddSingleton<Planning.ImpactWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<Planning.ImpactWatch>());
        services.AddHostedService<Planning.MaterialWatch>();
        services.AddSingleton<Quality.QualityExceptionService>();
        services.AddSingleton<Maintenance.CleaningService>();
        services.AddSingleton<Maintenance.CalibrationService>();
        services.AddSingleton<Maintenance.WorkOrderService>();
        services.AddSingleton<Maintenance.ILogbookSource, Maintenance.WorkOrderLogbook>();
        services.AddSingleton<Maintenance.EquipmentLogbookService>();
        services.AddSingleton<Maintenance.MaintenanceOverviewService>();
        services.AddSingleton<PlantOverviewService>();
        services.AddSingleton<PlantEngineeringService>();
        services.AddHostedService<PlantModelWatch>();
        services.AddSingleton<Live.RecordEvents>();
        services.AddSingleton<Live.AlertClearing>();
        services.AddSingleton<Alerts.AlertAcknowledgement>();
        services.AddSingleton<Alerts.AlertQueries>();
        services.AddHostedService(sp => sp.GetRequiredService<Live.AlertClearing>());
        services.AddSingleton(sp => new Plant.Model.B2mmlSchema(sp.GetRequiredService<IConfiguration>()["B2mml:SchemaFolder"]));
        services.AddSingleton<MaterialStockService>();
        services.AddSingleton<LotGenealogyService>();
        services.AddSingleton<InventoryOverviewService>();
        services.AddSingleton<LotDispositionService>();
        services.AddSingleton<LotExpiryJob>();
        services.AddOptions<InventoryOptions>().BindConfiguration(InventoryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Recipes.RecipeService>();
        services.AddSingleton<Production.ErpOrderIntake>();
        services.AddSingleton<MaterialMasterService>();
        services.AddSingleton<LotReceiving>();
        services.AddSingleton<InventoryQueries>();
        AddMessaging(builder);
        AddErpOutbound(builder, database);
        return builder;
    }

    /// <summary>The outbound link to the ERP: outbox delivery by Hangfire, to a webhook and/or a folder.</summary>
    private static void AddErpOutbound(IHostApplicationBuilder builder, DatabaseOptions database)
    {
        var services = builder.Services;
        services.AddOptions<Outbox.ErpOptions>().BindConfiguration(Outbox.ErpOptions.Section).ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.Webhook.Url) || Uri.TryCreate(o.Webhook.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                "Erp:Webhook:Url must be an absolute http or https address.")
            .Validate(o => o.FirstRetrySeconds <= o.MaxRetrySeconds, "Erp:FirstRetrySeconds cannot be more than Erp:MaxRetrySeconds.")
            .ValidateOnStart();
        // The target logs one line per call; the client's own logging would add four.
        services.AddHttpClient(Outbox.Delivery.ErpWebhookTarget.HttpClientName)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.AddSingleton<Outbox.Formats.JsonErpMessageFormatter>();
        services.AddSingleton<Outbox.Formats.B2mmlErpMessageFormatter>();
        services.AddSingleton<Outbox.Formats.IErpMessageFormatter>(sp =>
            sp.GetRequiredService<IOptions<Outbox.ErpOptions>>().Value.Format == Outbox.ErpFormat.B2mml
                ? sp.GetRequiredService<Outbox.Formats.B2mmlErpMessageFormatter>()
                : sp.GetRequiredService<Outbox.Formats.JsonErpMessageFormatter>());
        services.AddSingleton<Outbox.Delivery.ErpWebhookTarget>();
        services.AddSingleton<Outbox.Delivery.ErpFolderTarget>();
        services.AddSingleton<Outbox.OutboxTrigger>();
        services.AddSingleton<Outbox.OutboxBacklog>();
        services.AddSingleton<Observability.OutboxInstruments>();
        services.AddSingleton<Outbox.OutboxDispatcher>();
        services.AddSingleton<Outbox.OutboxMonitor>();
        var runJobs = builder.Configuration.GetValue("Jobs:Enabled", true);
        Jobs.BackgroundJobs.Add(services, database, runJobs, NodeName.Of(builder.Configuration));
        services.AddHealthChecks()
            .AddCheck<Outbox.OutboxHealthCheck>("outbox", tags: [HealthTags.Ready])
            .AddCheck<Jobs.JobServerHealthCheck>("jobs", tags: [HealthTags.Ready]);
        if (runJobs)
            services.AddHostedService(sp => sp.GetRequiredService<Outbox.OutboxTrigger>());
    }

    /// <summary>The live data path: embedded broker, ingest client and writer, live cache, demo simulator.</summary>
    private static void AddMessaging(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.Section).ValidateDataAnnotations()
            .Validate(m => !m.Broker.AllowAnonymous || configuration.GetValue<bool>("Demo:Enabled"),
                "Mqtt:Broker:AllowAnonymous may be true only in demo mode (Demo:Enabled): anonymous clients could forge GMP values.")
            .Validate(m => m.Broker.Mode == BrokerMode.External || System.Net.IPAddress.TryParse(m.Broker.Host, out _),
                "Mqtt:Broker:Host must be an IP address for the embedded broker, e.g. 127.0.0.1.")
            .ValidateOnStart();
        services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(sp => new MesBrokerCredentials(sp.GetRequiredService<IOptions<MqttOptions>>().Value.Broker));
        services.AddSingleton<IPasswordHasher<DeviceCredential>, PasswordHasher<DeviceCredential>>();
        services.AddSingleton<DeviceAuthenticator>();
        services.AddSingleton<DeviceAccountService>();
        services.AddSingleton<BrokerMetrics>();
        services.AddSingleton<IngestMetrics>();
        services.AddSingleton<Observability.IngestInstruments>();
        services.AddSingleton<IngestQueue>();
        services.AddSingleton<PlantDirectory>();
        services.AddSingleton<IngestBatchProcessor>();
        services.AddSingleton<MqttClientOptionsFactory>();
        services.AddSingleton<LivePlant>();
        services.AddSingleton<LivePlantLoader>();
        services.AddSingleton<TelemetryQueryService>();
        services.AddOptions<TelemetryRetentionOptions>().BindConfiguration(TelemetryRetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TelemetryRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryRetention>());
        services.AddSingleton<EquipmentHistoryService>();
        services.AddSingleton<QuarantineQueryService>();
        // Always there: the inventory watch hands it state, which goes out only while MQTT runs.
        services.AddSingleton<MesStatePublisher>();
        services.AddSingleton<InventoryWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<InventoryWatch>());
        services.AddSingleton<Performance.CurrentShiftOee>();
        services.AddSingleton<Performance.OeeWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<Performance.OeeWatch>());

        if (!configuration.GetValue("Mqtt:Enabled", true))
            return;
        var mode = configuration.GetValue("Mqtt:Broker:Mode", BrokerMode.Embedded);
        if (mode == BrokerMode.Embedded)
        {
            // Started first: the simulator and the MES's publishers connect to it. It feeds the
            // ingest queue itself, so that a device's PUBACK can wait for the database.
            if (configuration.GetValue("Mqtt:Ingest:Journal", true))
                services.AddSingleton(sp => new IngestJournal(
                    IngestJournal.FolderOf(sp.GetRequiredService<IOptions<MqttOptions>>().Value.Ingest, sp.GetRequiredService<DatabaseOptions>(), AppContext.BaseDirectory),
                    sp.GetRequiredService<ILogger<IngestJournal>>()));
            services.AddSingleton<EmbeddedBroker>();
            services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
        }
        services.AddHostedService<IngestWriter>();
        if (mode == BrokerMode.External)
            services.AddHostedService<MqttIngestClient>();
        services.AddSingleton<Sparkplug.SparkplugHost>();
        services.AddHostedService(sp => sp.GetRequiredService<Sparkplug.SparkplugHost>());
        // Only where an ingest runs: a node with MQTT off has no ingest to be degraded.
        services.AddHealthChecks().AddCheck<IngestHealthCheck>("ingest", tags: [HealthTags.Ready]);
        services.AddHostedService<EquipmentStatusPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<MesStatePublisher>());
        services.AddHostedService<Production.BatchStateWatch>();
        if (configuration.GetValue<bool>("Demo:Enabled") && configuration.GetValue("Demo:Simulator:Enabled", true))
        {
            services.AddHostedService<PlantSimulator>();
            services.AddSingleton<DemoMaintenanceCrew>();
            services.AddHostedService(sp => sp.GetRequiredService<DemoMaintenanceCrew>());
        }
    }

    /// <summary>
    /// With <c>ConnectionStrings:Redis</c> the node is one of a cluster: live events reach every node through Redis and the
    /// cluster-wide duties go to the node holding the lease. Without, events stay in-process and the node does every duty.
    /// </summary>
    private static void AddCluster(IServiceCollection services, IConfiguration configuration)
    {
        var redis = Cluster.RedisOptions.From(configuration);
        services.AddSingleton(new Cluster.NodeInstance(NodeName.Of(configuration)));
        services.AddSingleton(sp => new Cluster.ClusterLeadership(sp.GetRequiredService<IDbContextFactory<MesDbContext>>(),
            sp.GetRequiredService<ILogger<Cluster.ClusterLeadership>>(), sp.GetRequiredService<Cluster.NodeInstance>(), clustered: redis is not null));
        services.AddHostedService(sp => sp.GetRequiredService<Cluster.ClusterLeadership>());
        if (redis is null)
            return;
        services.AddSingleton(redis);
        services.AddSingleton<Cluster.RedisConnection>();
        services.AddSingleton<Cluster.RedisLiveEventRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<Cluster.RedisLiveEventRelay>());
        services.AddHealthChecks().AddCheck<Cluster.RedisHealthCheck>("redis", tags: [HealthTags.Ready]);
    }

    private static void AddDatabase(IServiceCollection services, DatabaseOptions database)
    {
        services.AddSingleton<LiveEvents>();
        services.AddSingleton<CommitFeedInterceptor>();
        services.AddSingleton<Materials.LotBalanceInterceptor>();
        services.AddSingleton<Outbox.OutboxInterceptor>();
        services.AddSingleton<Audit.AuditTrailInterceptor>();
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContextFactory<SqliteMesDbContext>((sp, o) => o.UseSqlite(database.ConnectionString)
                    .AddInterceptors([new SqliteConnectionSettings(database.SqliteFullSync), .. SaveInterceptors(sp)]));
                services.AddSingleton<IDbContextFactory<MesDbContext>, MesDbContextFactory<SqliteMesDbContext>>();
                services.AddScoped<MesDbContext>(sp => sp.GetRequiredService<SqliteMesDbContext>());
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextFactory<SqlServerMesDbContext>((sp, o) => o.UseSqlServer(database.ConnectionString, sql => sql.EnableRetryOnFailure())
                    .AddInterceptors(SaveInterceptors(sp)));
                services.AddSingleton<IDbContextFactory<MesDbContext>, MesDbContextFactory<SqlServerMesDbContext>>();
                services.AddScoped<MesDbContext>(sp => sp.GetRequiredService<SqlServerMesDbContext>());
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContextFactory<PostgreSqlMesDbContext>((sp, o) => o.UseNpgsql(database.ConnectionString, sql => sql.EnableRetryOnFailure())
                    .AddInterceptors(SaveInterceptors(sp)));
                services.AddSingleton<IDbContextFactory<MesDbContext>, MesDbContextFactory<PostgreSqlMesDbContext>>();
                services.AddScoped<MesDbContext>(sp => sp.GetRequiredService<PostgreSqlMesDbContext>());
                break;
        }
    }

    /// <summary>
    /// What every save runs through, in this order: lot balances and outbox messages are added first,
    /// so the audit trail records the whole save, and the commit feed notes all of it.
    /// </summary>
    private static IInterceptor[] SaveInterceptors(IServiceProvider sp) =>
    [
        sp.GetRequiredService<Materials.LotBalanceInterceptor>(),
        sp.GetRequiredService<Outbox.OutboxInterceptor>(),
        sp.GetRequiredService<Audit.AuditTrailInterceptor>(),
        sp.GetRequiredService<CommitFeedInterceptor>(),
    ];

    private static void AddIdentity(IServiceCollection services, SecurityOptions security)
    {
        services.AddIdentityCore<MesUser>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789.-_";
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<MesDbContext>()
            .AddSignInManager<MesSignInManager>()
            .AddClaimsPrincipalFactory<MesClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
    }
}

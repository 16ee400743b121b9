using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PharmaMes.Infrastructure.Demo;
using PharmaMes.Infrastructure.Identity;
using PharmaMes.Infrastructure.Live;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure;

/// <summary>What runs once before the app takes requests: schema, audit chain key, roles, and the demo when enabled.</summary>
public static class MesStartup
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("PharmaMes.Startup");
        var database = services.GetRequiredService<DatabaseOptions>();
        logger.LogInformation("Database: {Database}", database.Describe());

        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        await Audit.AuditChainStartup.OpenAsync(services, cancellationToken);
        await services.GetRequiredService<RoleSeeder>().EnsureRolesAsync();

        if (services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            logger.LogWarning(
                "*** DEMO MODE IS ON *** A demo plant, demo users (password from Demo:Password) and a demo API key are active. " +
                "Never run a validated plant like this: set Demo:Enabled to false.");
            await services.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        }
        await services.GetRequiredService<LivePlantLoader>().LoadAsync(cancellationToken);
    }
}

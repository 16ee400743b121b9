using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Audit;

/// <summary>
/// Before anything is audited: open the chain keys (refusing to replace a lost one) and checkpoint
/// the head as found. Entries after that first checkpoint are all signed, which lets verification
/// refuse an unsigned entry there even if the whole keyed part was rewritten with plain hashes.
/// </summary>
public static class AuditChainStartup
{
    public static async Task OpenAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<AuditChainOptions>();
        var keys = services.GetRequiredService<AuditChainKeys>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuditChainStartup));
        await using (var db = await services.GetRequiredService<IDbContextFactory<MesDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            // Database:MigrateOnStartup false with migrations pending: the app starts degraded, as before; nothing can be audited yet.
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                logger.LogWarning("The audit chain key and checkpoints are not opened: the database schema is not current");
                return;
            }
            var lastKeyId = await db.AuditEntries.Where(a => a.KeyId != null).OrderByDescending(a => a.Sequence)
                .Select(a => a.KeyId).FirstOrDefaultAsync(cancellationToken);
            keys.Open(lastKeyId);
        }
        if (!options.KeyFileConfigured && services.GetService<IHostEnvironment>()?.IsProduction() == true)
            logger.LogWarning(
                "Audit:ChainKeyFile is not set: the audit chain key is {KeyFile}, beside the data. In production keep it on its own protected " +
                "volume and back it up apart from the database (see the README, Production).", options.ChainKeyFile);
        await services.GetRequiredService<AuditCheckpoints>().WriteAsync(cancellationToken);
    }
}

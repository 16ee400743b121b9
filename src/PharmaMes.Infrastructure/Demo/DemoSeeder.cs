using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Identity;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Demo;

/// <summary>
/// Seeds the demo plant, its materials, one user per role, the master recipes, a week of batches and the demo API
/// key. Each part is seeded only when missing, so starting the app again changes nothing.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<MesDbContext> contexts,
    IServiceScopeFactory scopes,
    ApiKeyService apiKeys,
    IOptions<DemoOptions> options,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    public static readonly PlantCode SiteCode = new("PLANT1");

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var demo = options.Value;
        if (!demo.Enabled)
            return;
        var now = clock.GetUtcNow();
        var actor = AuditActor.System("demo set-up", "Demo data seeded at start-up");
        var plantCreated = false;

        await using (var db = await contexts.CreateDbContextAsync(actor, cancellationToken))
        {
            if (!await db.Sites.AnyAsync(s => s.Code == SiteCode, cancellationToken))
            {
                var site = DemoPlant.Build(now);
                db.Sites.Add(site);
                // Each equipment's current state as the open interval its history starts from.
                foreach (var equipment in site.Areas.SelectMany(a => a.Lines).SelectMany(l => l.Equipment))
                    db.StateIntervals.Add(new StateInterval(equipment.Id, equipment.State, equipment.StateSince, equipment.StateReason));
                db.MaintenancePlans.AddRange(DemoMaintenancePlans.Build(site, DateOnly.FromDateTime(now.UtcDateTime)));
                db.ShiftCalendars.Add(DemoPlant.TabletLineShifts());
                if (!await db.Materials.AnyAsync(cancellationToken))
                {
                    var stock = DemoMaterials.Build(now);
                    db.Materials.AddRange(stock.Materials);
                    db.MaterialLots.AddRange(stock.Lots);
                    db.InventoryLedger.AddRange(stock.Ledger);
                }
                await db.SaveChangesAsync(cancellationToken);
                plantCreated = true;
                logger.LogInformation("Demo plant {Site} seeded", SiteCode);
            }
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<MesDbContext>().ActingFor(actor);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<MesUser>>();
            foreach (var (userName, fullName, role) in DemoUsers.All)
            {
                if (await users.FindByNameAsync(userName) is not null)
                    continue;
                var user = new MesUser { Id = Guid.CreateVersion7(), UserName = userName, FullName = fullName, CreatedAt = now };
                var created = await users.CreateAsync(user, demo.Password);
                if (!created.Succeeded)
                    throw new InvalidOperationException(
                        $"The demo user '{userName}' could not be created: {string.Join(" ", created.Errors.Select(e => e.Description))} Check Demo:Password.");
                await users.AddToRoleAsync(user, role);
            }
        }

        await DemoRecipes.SeedAsync(contexts, actor, now, cancellationToken);

        // The batches need the plant as it was built, fit for use; a plant seeded earlier already shows a shift in progress.
        if (plantCreated)
        {
            var batches = await DemoBatches.SeedAsync(contexts, scopes, demo.Password, now, cancellationToken);
            await DemoShiftScene.ApplyAsync(contexts, actor, now, cancellationToken);
            logger.LogInformation("Demo batches seeded: {Count}", batches);
        }

        if (!string.IsNullOrWhiteSpace(demo.ApiKey))
            await apiKeys.EnsureAsync("Demo ERP client", demo.ApiKey, "demo-seed", cancellationToken);
    }
}

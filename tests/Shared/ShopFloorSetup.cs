using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Recipes;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Identity;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Production;

namespace PharmaMes.Testing;

/// <summary>
/// What batch tests need before the shop floor can start, made through the app's own services:
/// the demo people, a finished good with an approved recipe (authored by the supervisor, approved
/// and signed by QA), and a released order with its batch.
/// </summary>
internal static class ShopFloorSetup
{
    public static async Task<AuditActor> PersonAsync(IServiceProvider services, string userName)
    {
        await using var scope = services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<MesUser>>().FindByNameAsync(userName))!;
        return new AuditActor(user.Id, user.UserName!);
    }

    /// <summary>Adds the product and its approved recipe of <paramref name="steps"/>, unless the product exists already.</summary>
    public static async Task EnsureApprovedRecipeAsync(IServiceProvider services, string product, string name, decimal standardBatch, Action<MasterRecipe> steps)
    {
        var supervisor = await PersonAsync(services, "supervisor");
        var qa = await PersonAsync(services, "qa");
        await using var db = await services.GetRequiredService<IDbContextFactory<MesDbContext>>().CreateDbContextAsync(supervisor);
        if (await db.Materials.AnyAsync(m => m.Code == new MaterialCode(product)))
            return;
        var now = DateTimeOffset.UtcNow;
        db.Materials.Add(new Material(new MaterialCode(product), name, MaterialType.FinishedGood, new UnitOfMeasure("pcs"), 0, 0));
        var recipe = MasterRecipe.Create(new MaterialCode(product), name, new Quantity(standardBatch, "pcs"), supervisor.UserId!.Value, supervisor.Name, now);
        steps(recipe);
        recipe.Approve(qa.UserId!.Value, now);
        db.MasterRecipes.Add(recipe);
        db.Signatures.Add(new ElectronicSignature(qa.UserId.Value, "qa", "Quinn Andersen", SignatureMeaning.Approved, now, "MasterRecipe", recipe.Id, recipe.Content()));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Makes a unit fit for the next batch the way the shop floor does: when it is dirty (or being cleaned, or
    /// past its clean hold), the operator records a major cleaning and signs it, and the supervisor verifies it.
    /// </summary>
    public static async Task EnsureCleanAsync(IServiceProvider services, string equipmentCode, string password)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using (var db = await services.GetRequiredService<IDbContextFactory<MesDbContext>>().CreateDbContextAsync())
        {
            var unit = await db.Equipment.AsNoTracking().SingleAsync(e => e.Code == new Domain.Plant.PlantCode(equipmentCode));
            if (unit.StatusAt(now) == Domain.Plant.EquipmentStatus.Clean)
                return;
        }
        var cleaning = services.GetRequiredService<Infrastructure.Maintenance.CleaningService>();
        var pending = await cleaning.AwaitingVerificationAsync(equipmentCode);
        var record = pending.Count > 0
            ? pending[0].Id
            : await cleaning.RecordAsync(equipmentCode, new Infrastructure.Maintenance.CleaningEntry(Domain.Plant.CleaningMethod.Major, "Detergent, purified water rinse", now, null),
                new Infrastructure.Signatures.SignatureCredentials("operator", password), await PersonAsync(services, "operator"));
        await cleaning.VerifyAsync(record, new Infrastructure.Signatures.SignatureCredentials("supervisor", password), await PersonAsync(services, "supervisor"));
    }

    /// <summary>A new order of the product, planned and released by the planner, and its batch (Created) made by the supervisor.</summary>
    public static async Task<string> NewBatchAsync(IServiceProvider services, string product, decimal quantity)
    {
        var planner = await PersonAsync(services, "planner");
        var orders = services.GetRequiredService<ProductionOrderService>();
        var number = await orders.PlanAsync(product, quantity, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7), 3, null, null, planner);
        var order = (await orders.ListAsync()).Single(o => o.Number == number);
        await orders.ReleaseAsync(order.Id, planner);
        return await services.GetRequiredService<BatchExecutionService>().CreateBatchAsync(order.Id, null, await PersonAsync(services, "supervisor"));
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Recipes;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Identity;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Infrastructure.Signatures;

namespace PharmaMes.Infrastructure.Tests.Production;

/// <summary>
/// A short approved recipe on the demo plant (a verified dispensing step on DISP-01, then drying on
/// FBD-01 with a parameter and a check), a released order for it, and the demo people.
/// </summary>
internal static class TestBatches
{
    public const string Product = "FG-TEST";

    public static async Task<AuditActor> PersonAsync(MesTestHost host, string userName)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<MesUser>>().FindByNameAsync(userName))!;
        return new AuditActor(user.Id, user.UserName!);
    }

    public static SignatureCredentials Credentials(string userName) => new(userName, MesTestHost.DemoPassword);

    /// <summary>Creates the product, its approved recipe and a released order; returns the new batch's number.</summary>
    public static async Task<string> NewBatchAsync(MesTestHost host)
    {
        var supervisor = await PersonAsync(host, "supervisor");
        var qa = await PersonAsync(host, "qa");
        await using (var db = host.NewContext())
        {
            db.AuditActor = supervisor;
            if (!await db.Materials.AnyAsync(m => m.Code == new MaterialCode(Product)))
            {
                db.Materials.Add(new Material(new MaterialCode(Product), "Test tablets", MaterialType.FinishedGood, new UnitOfMeasure("pcs"), 0, 0));
                var now = DateTimeOffset.UtcNow;
                var recipe = MasterRecipe.Create(new MaterialCode(Product), "Test tablets", new Quantity(10_000m, "pcs"), supervisor.UserId!.Value, supervisor.Name, now);
                recipe.AddStep("Dispensing", "Weigh the paracetamol.", EquipmentClass.DispensingBooth, requiresVerification: true);
                recipe.AddMaterial(new MaterialCode("API-PARA"), new Quantity(5m, "kg"), 1m, 1m, 1);
                recipe.AddStep("Drying", "Dry the granulate to a loss on drying below 2 %.", EquipmentClass.FluidBedDryer);
                recipe.AddParameter(2, "Inlet air temperature", new UnitOfMeasure("°C"), 60, new ValueRange(55, 65));
                recipe.AddCheck(2, "Loss on drying", new UnitOfMeasure("%"), new ValueRange(0, 2));
                recipe.Approve(qa.UserId!.Value, now);
                db.MasterRecipes.Add(recipe);
                db.Signatures.Add(new ElectronicSignature(qa.UserId.Value, "qa", "Quinn Andersen", SignatureMeaning.Approved, now, "MasterRecipe", recipe.Id, recipe.Content()));
                await db.SaveChangesAsync();
            }
        }
        var planner = await PersonAsync(host, "planner");
        var orders = host.Get<ProductionOrderService>();
        await orders.PlanAsync(Product, 10_000m, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7), 3, null, null, planner);
        var order = (await orders.ListAsync()).Last(o => o.ProductCode == Product);
        await orders.ReleaseAsync(order.Id, planner);
        return await host.Get<BatchExecutionService>().CreateBatchAsync(order.Id, null, supervisor);
    }
}

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
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Infrastructure.Quality;
using PharmaMes.Infrastructure.Signatures;

namespace PharmaMes.Web.Tests.Batches;

/// <summary>
/// Batches made through the app's own services, as the shop floor would make them: a short
/// approved recipe on the demo plant (a verified dispensing step on DISP-01, then drying on FBD-01
/// with a parameter and a check), a released order, and the demo people signing with their password.
/// </summary>
internal static class TestBatches
{
    public const string Product = "FG-WEBTEST";
    public const string ProductName = "Web test tablets";
    public const string DispensedLot = "PARA-24-0117";

    /// <summary>A new batch, Created, for a new released order of the test product.</summary>
    public static async Task<string> NewBatchAsync(MesWebFactory factory)
    {
        var services = factory.Services;
        var supervisor = await PersonAsync(services, "supervisor");
        var qa = await PersonAsync(services, "qa");
        await using (var db = await services.GetRequiredService<IDbContextFactory<MesDbContext>>().CreateDbContextAsync())
        {
            db.AuditActor = supervisor;
            if (!await db.Materials.AnyAsync(m => m.Code == new MaterialCode(Product)))
            {
                var now = DateTimeOffset.UtcNow;
                db.Materials.Add(new Material(new MaterialCode(Product), ProductName, MaterialType.FinishedGood, new UnitOfMeasure("pcs"), 0, 0));
                var recipe = MasterRecipe.Create(new MaterialCode(Product), ProductName, new Quantity(10_000m, "pcs"), supervisor.UserId!.Value, supervisor.Name, now);
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
        var planner = await PersonAsync(services, "planner");
        var orders = services.GetRequiredService<ProductionOrderService>();
        await orders.PlanAsync(Product, 10_000m, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7), 3, null, null, planner);
        var order = (await orders.ListAsync()).Last(o => o.ProductCode == Product);
        await orders.ReleaseAsync(order.Id, planner);
        return await services.GetRequiredService<BatchExecutionService>().CreateBatchAsync(order.Id, null, supervisor);
    }

    /// <summary>
    /// A batch run to release: a verified dispense, a loss on drying out of its limits (its quality
    /// exception closed by QA), both steps signed, QA's release.
    /// </summary>
    public static async Task<string> ReleasedBatchAsync(MesWebFactory factory)
    {
        var services = factory.Services;
        var (operatorUser, supervisor, qa) = (await PersonAsync(services, "operator"), await PersonAsync(services, "supervisor"), await PersonAsync(services, "qa"));
        var execution = services.GetRequiredService<BatchExecutionService>();
        var number = await NewBatchAsync(factory);
        await execution.StartAsync(number, operatorUser);
        await execution.StartStepAsync(number, 1, "DISP-01", operatorUser);
        await execution.DispenseAsync(number, 1, "API-PARA", DispensedLot, 5.02m, operatorUser);
        await execution.CompleteStepAsync(number, 1, Credentials("operator"), operatorUser);
        await execution.VerifyStepAsync(number, 1, Credentials("supervisor"), supervisor);
        await execution.StartStepAsync(number, 2, "FBD-01", operatorUser);
        await execution.RecordValueAsync(number, 2, "Inlet air temperature", 61, operatorUser);
        var outOfLimits = await execution.RecordValueAsync(number, 2, "Loss on drying", 2.4, operatorUser);
        await execution.CompleteStepAsync(number, 2, Credentials("operator"), operatorUser);
        await execution.CompleteAsync(number, operatorUser);
        await services.GetRequiredService<QualityExceptionService>()
            .CloseAsync(outOfLimits.QualityExceptionNumber!, "Re-tested: 1.8 %. Probe drift, no product impact.", Credentials("qa"), qa);
        await services.GetRequiredService<BatchReviewService>().ReleaseAsync(number, Credentials("qa"), qa);
        return number;
    }

    private static SignatureCredentials Credentials(string userName) => new(userName, MesWebFactory.Password);

    public static async Task<AuditActor> PersonAsync(IServiceProvider services, string userName)
    {
        await using var scope = services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<MesUser>>().FindByNameAsync(userName))!;
        return new AuditActor(user.Id, user.UserName!);
    }
}

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
        await ShopFloorSetup.EnsureApprovedRecipeAsync(factory.Services, Product, ProductName, 10_000m, recipe =>
        {
            recipe.AddStep("Dispensing", "Weigh the paracetamol.", EquipmentClass.DispensingBooth, requiresVerification: true);
            recipe.AddMaterial(new MaterialCode("API-PARA"), new Quantity(5m, "kg"), 1m, 1m, 1);
            recipe.AddStep("Drying", "Dry the granulate to a loss on drying below 2 %.", EquipmentClass.FluidBedDryer);
            recipe.AddParameter(2, "Inlet air temperature", new UnitOfMeasure("°C"), 60, new ValueRange(55, 65));
            recipe.AddCheck(2, "Loss on drying", new UnitOfMeasure("%"), new ValueRange(0, 2));
        });
        return await ShopFloorSetup.NewBatchAsync(factory.Services, Product, 10_000m);
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
        await ShopFloorSetup.EnsureCleanAsync(services, "DISP-01", MesWebFactory.Password);
        await execution.StartStepAsync(number, 1, "DISP-01", operatorUser);
        await execution.DispenseAsync(number, 1, "API-PARA", DispensedLot, 5.02m, operatorUser);
        await execution.CompleteStepAsync(number, 1, Credentials("operator"), operatorUser);
        await execution.VerifyStepAsync(number, 1, Credentials("supervisor"), supervisor);
        await ShopFloorSetup.EnsureCleanAsync(services, "FBD-01", MesWebFactory.Password);
        await execution.StartStepAsync(number, 2, "FBD-01", operatorUser);
        await execution.RecordValueAsync(number, 2, "Inlet air temperature", 61, operatorUser);
        var outOfLimits = await execution.RecordValueAsync(number, 2, "Loss on drying", 2.4, operatorUser);
        await execution.CompleteStepAsync(number, 2, Credentials("operator"), operatorUser);
        await execution.CompleteAsync(number, 9_950m, operatorUser);
        await services.GetRequiredService<QualityExceptionService>()
            .CloseAsync(outOfLimits.QualityExceptionNumber!, "Re-tested: 1.8 %. Probe drift, no product impact.", Credentials("qa"), qa);
        await services.GetRequiredService<BatchReviewService>().ReleaseAsync(number, Credentials("qa"), qa);
        return number;
    }

    private static SignatureCredentials Credentials(string userName) => new(userName, MesWebFactory.Password);

    public static Task<AuditActor> PersonAsync(IServiceProvider services, string userName) => ShopFloorSetup.PersonAsync(services, userName);
}

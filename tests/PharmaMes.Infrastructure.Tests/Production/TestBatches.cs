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

    public static Task<AuditActor> PersonAsync(MesTestHost host, string userName) => ShopFloorSetup.PersonAsync(host.Services, userName);

    public static SignatureCredentials Credentials(string userName) => new(userName, MesTestHost.DemoPassword);

    /// <summary>Creates the product, its approved recipe and a released order; returns the new batch's number.</summary>
    public static async Task<string> NewBatchAsync(MesTestHost host)
    {
        await ShopFloorSetup.EnsureApprovedRecipeAsync(host.Services, Product, "Test tablets", 10_000m, VerifiedDispensingThenDrying);
        return await ShopFloorSetup.NewBatchAsync(host.Services, Product, 10_000m);
    }

    private static void VerifiedDispensingThenDrying(MasterRecipe recipe)
    {
        recipe.AddStep("Dispensing", "Weigh the paracetamol.", EquipmentClass.DispensingBooth, requiresVerification: true);
        recipe.AddMaterial(new MaterialCode("API-PARA"), new Quantity(5m, "kg"), 1m, 1m, 1);
        recipe.AddStep("Drying", "Dry the granulate to a loss on drying below 2 %.", EquipmentClass.FluidBedDryer);
        recipe.AddParameter(2, "Inlet air temperature", new UnitOfMeasure("°C"), 60, new ValueRange(55, 65));
        recipe.AddCheck(2, "Loss on drying", new UnitOfMeasure("%"), new ValueRange(0, 2));
    }
}

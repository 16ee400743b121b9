using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Recipes;
using PharmaMes.Infrastructure.Recipes;

namespace PharmaMes.Infrastructure.Tests.Recipes;

public class DemoRecipeSeeding
{
    [Fact]
    public async Task TheTabletsAndTheAntibodyHaveAnApprovedVersionAndTheTabletsADraftWithOneChange()
    {
        await using var host = await MesTestHost.StartAsync();
        var recipes = host.Get<RecipeService>();

        var all = await recipes.ListAsync();

        Assert.Equal([("FG-MAB10", 1, RecipeStatus.Approved), ("FG-PARA500", 2, RecipeStatus.Draft), ("FG-PARA500", 1, RecipeStatus.Approved)],
            all.Select(r => (r.ProductCode, r.Version, r.Status)));
        Assert.All(all, r => Assert.Equal("Samuel Okafor", r.AuthorName));
        Assert.All(all.Where(r => r.Status == RecipeStatus.Approved), r => Assert.Equal("Quinn Andersen", r.ApprovedBy));
        var tablets = all.Single(r => r.ProductCode == "FG-PARA500" && r.Version == 1);
        var draft = all.Single(r => r.ProductCode == "FG-PARA500" && r.Version == 2);
        var change = Assert.Single((await recipes.CompareAsync(tablets.Id, draft.Id)).Differences);
        Assert.Equal("Changed: Step 4 Compression: parameter Main compression force target 15 -> 16 kN", change.ToString());
    }

    [Fact]
    public async Task TheTabletRecipeRunsOnTheDemoPlantWithItsMaterialsParametersAndChecks()
    {
        await using var host = await MesTestHost.StartAsync();
        var recipes = host.Get<RecipeService>();
        await using var db = host.NewContext();
        var plantClasses = await db.Equipment.Select(e => e.Class).Distinct().ToListAsync();

        var tablets = (await recipes.CurrentApprovedAsync("FG-PARA500"))!;
        var mab = (await recipes.CurrentApprovedAsync("FG-MAB10"))!;

        var recipe = tablets.Recipe;
        Assert.Equal("300000 pcs", recipe.StandardBatchSize.ToString());
        Assert.Equal(["Dispensing", "Granulation", "Drying", "Compression", "Coating", "Packaging"], recipe.Steps.Select(s => s.Name));
        Assert.Equal([EquipmentClass.DispensingBooth, EquipmentClass.HighShearGranulator, EquipmentClass.FluidBedDryer, EquipmentClass.TabletPress,
            EquipmentClass.Coater, EquipmentClass.BlisterPacker], recipe.Steps.Select(s => s.RequiredEquipmentClass!.Value));
        Assert.Equal(["Dispensing", "Compression"], recipe.Steps.Where(s => s.RequiresVerification).Select(s => s.Name));
        Assert.Equal(["API-PARA", "EXC-CROS", "EXC-MCC", "EXC-MGST", "EXC-PVP"], recipe.BillOfMaterials.Where(l => l.StepNumber == 1).Select(l => l.MaterialCode.Value));
        Assert.Equal(["COAT-OPA"], recipe.BillOfMaterials.Where(l => l.StepNumber == 5).Select(l => l.MaterialCode.Value));
        Assert.Equal(["PKG-CARTON", "PKG-FOIL", "PKG-PVC"], recipe.BillOfMaterials.Where(l => l.StepNumber == 6).Select(l => l.MaterialCode.Value));
        var api = recipe.FindMaterial(new Domain.Materials.MaterialCode("API-PARA"))!;
        Assert.Equal(("150 kg", 0.5m, 0.5m), (api.Quantity.ToString(), api.TolerancePercentBelow, api.TolerancePercentAbove));
        Assert.Equal("Paracetamol (acetaminophen) Ph. Eur.", tablets.MaterialName("API-PARA"));
        var force = recipe.FindStep(4)!.FindParameter("Main compression force")!;
        Assert.Equal((15, 12, 18, "kN"), (force.Target, force.Limits.Low, force.Limits.High, force.Unit.Symbol));
        Assert.NotNull(recipe.FindStep(2)!.FindParameter("Impeller speed"));
        Assert.NotNull(recipe.FindStep(3)!.FindCheck("Loss on drying"));
        Assert.NotNull(recipe.FindStep(4)!.FindCheck("Hardness"));
        Assert.NotNull(recipe.FindStep(5)!.FindParameter("Weight gain"));
        Assert.NotNull(recipe.FindStep(6)!.FindParameter("Sealing temperature"));
        Assert.All(recipe.Steps.Skip(1), s => Assert.NotEmpty(s.Parameters));

        Assert.Equal(["Bioreactor", "Purification (protein A)", "Filling"], mab.Recipe.Steps.Select(s => s.Name));
        Assert.All(recipe.Steps.Concat(mab.Recipe.Steps), s => Assert.Contains(s.RequiredEquipmentClass!.Value, plantClasses));
        Assert.True(tablets.Approval!.IsValid);
        Assert.True(mab.Approval!.IsValid);
        Assert.Equal("Quinn Andersen", mab.Approval.Signature.PrintedName);
    }
}

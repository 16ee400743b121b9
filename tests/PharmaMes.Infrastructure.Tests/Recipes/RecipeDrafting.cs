using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Audit;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Recipes;
using PharmaMes.Infrastructure.Recipes;
using static PharmaMes.Infrastructure.Tests.Recipes.SignedInPeople;

namespace PharmaMes.Infrastructure.Tests.Recipes;

public class RecipeDrafting
{
    [Fact]
    public async Task AnApprovedVersionCannotBeEdited()
    {
        await using var host = await MesTestHost.StartAsync();
        var recipes = host.Get<RecipeService>();
        var v1 = await RecipeAsync(host, "FG-PARA500", 1);
        var supervisor = await AsAsync(host, "supervisor");

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            recipes.UpdateParameterAsync(v1.Id, 4, new ProcessParameterInput("Main compression force", "kN", 17, 12, 18), supervisor));
        var noStep = await Assert.ThrowsAsync<DomainException>(() =>
            recipes.AddStepAsync(v1.Id, new RecipeStepInput("Inspection", "Inspect 100 %", null, false), supervisor));

        Assert.Equal("Version 1 of FG-PARA500 is Approved: it never changes; create a new version.", refused.Message);
        Assert.Contains("create a new version", noStep.Message);
        var unchanged = (await recipes.GetAsync(v1.Id))!;
        Assert.Equal(15, unchanged.Recipe.FindStep(4)!.FindParameter("Main compression force")!.Target);
        Assert.Equal(6, unchanged.Recipe.Steps.Count);
        Assert.True(unchanged.Approval!.IsValid);
    }

    [Fact]
    public async Task ANewVersionIsADraftOfTheNextVersionWithEverythingCopied()
    {
        await using var host = await MesTestHost.StartAsync();
        var recipes = host.Get<RecipeService>();
        var v1 = (await recipes.GetAsync((await RecipeAsync(host, "FG-MAB10", 1)).Id))!;

        var id = await recipes.NewVersionAsync(v1.Recipe.Id, await AsAsync(host, "supervisor"));

        var v2 = (await recipes.GetAsync(id))!;
        Assert.Equal((2, RecipeStatus.Draft, "Samuel Okafor"), (v2.Recipe.Version, v2.Recipe.Status, v2.Recipe.AuthorName));
        Assert.Empty(v2.Signatures);
        Assert.Empty((await recipes.CompareAsync(v1.Recipe.Id, id)).Differences);
        Assert.Equal(v1.Recipe.Steps.Select(s => s.Name), v2.Recipe.Steps.Select(s => s.Name));
        // The approved version stays in force until the new one is approved.
        Assert.Equal(v1.Recipe.Id, (await recipes.CurrentApprovedAsync("FG-MAB10"))!.Recipe.Id);
    }

    [Fact]
    public async Task ANewVersionIsMadeOnlyFromTheLatestVersion()
    {
        await using var host = await MesTestHost.StartAsync();
        var v1 = await RecipeAsync(host, "FG-PARA500", 1);
        var supervisor = await AsAsync(host, "supervisor");

        var refused = await Assert.ThrowsAsync<DomainException>(() => host.Get<RecipeService>().NewVersionAsync(v1.Id, supervisor));

        Assert.Equal("Version 2 of FG-PARA500 is already a Draft: change that version rather than starting another.", refused.Message);
    }

    [Fact]
    public async Task AnAuthorWritesADraftStepByStepAndEveryChangeIsAudited()
    {
        await using var host = await MesTestHost.StartAsync();
        var recipes = host.Get<RecipeService>();
        var supervisor = await AsAsync(host, "supervisor");

        var id = await recipes.CreateDraftAsync(new NewRecipe("INT-CORE", "Paracetamol 500 mg tablet cores", 300_000), supervisor);
        await recipes.AddStepAsync(id, new RecipeStepInput("Dispensing", "Weigh the materials.", EquipmentClass.DispensingBooth, true), supervisor);
        await recipes.AddStepAsync(id, new RecipeStepInput("Compression", "Compress the blend.", EquipmentClass.TabletPress, true), supervisor);
        await recipes.AddStepAsync(id, new RecipeStepInput("Blending", "Blend with the lubricant.", null, false), supervisor);
        await recipes.MoveStepAsync(id, 3, 2, supervisor);
        await recipes.AddParameterAsync(id, 3, new ProcessParameterInput("Main compression force", "kN", 15, 12, 18), supervisor);
        await recipes.AddParameterAsync(id, 3, new ProcessParameterInput("Press speed", "tablets/min", 3000, 2500, 3500), supervisor);
        await recipes.UpdateParameterAsync(id, 3, new ProcessParameterInput("Main compression force", "kN", 14, 12, 18), supervisor);
        await recipes.RemoveParameterAsync(id, 3, "Press speed", supervisor);
        await recipes.AddCheckAsync(id, 3, new InProcessCheckInput("Hardness", "N", 80, 140), supervisor);
        await recipes.AddMaterialAsync(id, new MaterialLineInput("API-PARA", 150, 0.5m, 0.5m, 1), supervisor);
        await recipes.AddMaterialAsync(id, new MaterialLineInput("EXC-MGST", 1.5m, 2, 2, 2), supervisor);
        await recipes.UpdateMaterialAsync(id, new MaterialLineInput("EXC-MGST", 1.6m, 2, 2, 2), supervisor);
        await recipes.AddStepAsync(id, new RecipeStepInput("Coating", "Coat.", EquipmentClass.Coater, false), supervisor);
        await recipes.AddParameterAsync(id, 4, new ProcessParameterInput("Pan speed", "rpm", 9, 6, 12), supervisor);
        await recipes.RemoveStepAsync(id, 4, supervisor);
        await recipes.ChangeHeaderAsync(id, new RecipeHeader("Paracetamol 500 mg cores", 250_000, "Direct compression trial"), supervisor);

        var draft = (await recipes.GetAsync(id))!.Recipe;
        Assert.Equal(["Dispensing", "Blending", "Compression"], draft.Steps.Select(s => s.Name));
        var compression = draft.FindStep(3)!;
        Assert.Equal(["Main compression force"], compression.Parameters.Select(p => p.Name));
        Assert.Equal(14, compression.Parameters[0].Target);
        Assert.Equal(["Hardness"], compression.Checks.Select(c => c.Name));
        Assert.Equal([("API-PARA", "150 kg", 1), ("EXC-MGST", "1.6 kg", 2)],
            draft.BillOfMaterials.Select(l => (l.MaterialCode.Value, l.Quantity.ToString(), l.StepNumber)));
        Assert.Equal(("Paracetamol 500 mg cores", "250000 pcs", "Direct compression trial", "Samuel Okafor"),
            (draft.ProductName, draft.StandardBatchSize.ToString(), draft.Description, draft.AuthorName));

        await using var db = host.NewContext();
        var trail = await db.AuditEntries.Where(a => a.UserName == "supervisor").ToListAsync();
        Assert.Contains(trail, a => a.Action == AuditAction.Created && a.EntityType == "MasterRecipe" && a.EntityId == id.ToString());
        Assert.Contains(trail, a => a.Action == AuditAction.Removed && a.EntityType == "ProcessParameter" && a.EntityLabel == "Press speed");
        Assert.Contains(trail, a => a.Action == AuditAction.Removed && a.EntityType == "RecipeStep" && a.EntityLabel == "Step 4 Coating");
        // A removed step takes its parameters with it, each removal on record with what it held.
        Assert.Contains(trail, a => a.Action == AuditAction.Removed && a.EntityType == "ProcessParameter" && a.EntityLabel == "Pan speed"
            && a.OldValue!.Contains("\"Target\":\"9\""));
        Assert.Contains(trail, a => a.Action == AuditAction.Changed && a.EntityType == "RecipeStep" && a.Field == "Number" && (a.OldValue, a.NewValue) == ("3", "2"));
    }

    [Fact]
    public async Task ARefusedChangeSavesNothing()
    {
        await using var host = await MesTestHost.StartAsync();
        var recipes = host.Get<RecipeService>();
        var supervisor = await AsAsync(host, "supervisor");
        var v2 = await RecipeAsync(host, "FG-PARA500", 2);
        await using var before = host.NewContext();
        var entries = await before.AuditEntries.CountAsync();

        var outside = await Assert.ThrowsAsync<DomainException>(() =>
            recipes.AddParameterAsync(v2.Id, 4, new ProcessParameterInput("Pre-compression force", "kN", 9, 2, 6), supervisor));
        var dispensing = await Assert.ThrowsAsync<DomainException>(() => recipes.RemoveStepAsync(v2.Id, 1, supervisor));
        var unknown = await Assert.ThrowsAsync<DomainException>(() =>
            recipes.AddMaterialAsync(v2.Id, new MaterialLineInput("EXC-TALC", 1, 2, 2, 1), supervisor));
        var existing = await Assert.ThrowsAsync<DomainException>(() =>
            recipes.CreateDraftAsync(new NewRecipe("FG-PARA500", "Paracetamol", 1000), supervisor));

        Assert.Equal("The target of parameter 'Pre-compression force' (9 kN) must lie within its limits (2 – 6 kN).", outside.Message);
        Assert.Contains("dispenses API-PARA, EXC-CROS, EXC-MCC, EXC-MGST, EXC-PVP", dispensing.Message);
        Assert.Equal("There is no material EXC-TALC in the material master.", unknown.Message);
        Assert.Contains("make a new version", existing.Message);
        await using var after = host.NewContext();
        Assert.Equal(entries, await after.AuditEntries.CountAsync());
        Assert.Equal(6, (await recipes.GetAsync(v2.Id))!.Recipe.Steps.Count);
    }
}

using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Recipes;
using static PharmaMes.Domain.Tests.Recipes.TestRecipes;

namespace PharmaMes.Domain.Tests.Recipes;

public class MasterRecipeApproval
{
    // ----- Approve -----

    [Fact]
    public void ApprovesADraft()
    {
        var recipe = Draft();

        recipe.Approve(ApproverId, ApprovedAt);

        Assert.Equal(RecipeStatus.Approved, recipe.Status);
        Assert.Equal(ApproverId, recipe.ApproverId);
        Assert.Equal(ApprovedAt, recipe.ApprovedAt);
    }

    [Fact]
    public void TheAuthorCannotApproveTheirOwnRecipe()
    {
        var recipe = Draft();

        var ex = Assert.Throws<DomainException>(() => recipe.Approve(AuthorId, ApprovedAt));

        Assert.Equal("The author of a recipe cannot approve it.", ex.Message);
        Assert.Equal(RecipeStatus.Draft, recipe.Status);
        Assert.Null(recipe.ApproverId);
    }

    [Fact]
    public void RefusesToApproveARecipeWithoutSteps()
    {
        var recipe = Empty();

        var ex = Assert.Throws<DomainException>(() => recipe.Approve(ApproverId, ApprovedAt));

        Assert.Equal("Version 1 of PARA-500 has no steps: a recipe needs at least one step to be approved.", ex.Message);
        Assert.Equal(RecipeStatus.Draft, recipe.Status);
    }

    [Fact]
    public void RefusesToApproveTwice()
    {
        var recipe = Approved();

        var ex = Assert.Throws<DomainException>(() => recipe.Approve(new Guid("0190a000-0000-7000-8000-000000000009"), ApprovedAt.AddDays(1)));

        Assert.Equal("Version 1 of PARA-500 is already Approved.", ex.Message);
        Assert.Equal(ApprovedAt, recipe.ApprovedAt);
    }

    [Fact]
    public void RefusesToApproveAnObsoleteRecipe()
    {
        var ex = Assert.Throws<DomainException>(() => Obsolete().Approve(ApproverId, ApprovedAt));

        Assert.Equal("Version 1 of PARA-500 is Obsolete: its status can no longer change.", ex.Message);
    }

    // ----- An approved recipe never changes -----

    private static readonly Dictionary<string, Action<MasterRecipe>> Edits = new()
    {
        ["ChangeProductName"] = r => r.ChangeProductName("Other"),
        ["ChangeDescription"] = r => r.ChangeDescription("Other"),
        ["SetStandardBatchSize"] = r => r.SetStandardBatchSize(KgOf(200)),
        ["AddStep"] = r => r.AddStep("Coating", "Coat."),
        ["UpdateStep"] = r => r.UpdateStep(2, "Granulation", "Other", null, false),
        ["MoveStep"] = r => r.MoveStep(3, 2),
        ["RemoveStep"] = r => r.RemoveStep(3),
        ["AddParameter"] = r => r.AddParameter(3, "Turret speed", Rpm, 40, new ValueRange(30, 50)),
        ["UpdateParameter"] = r => r.UpdateParameter(3, "Main compression force", KiloNewton, 13, new ValueRange(10, 14)),
        ["CaptureParameter"] = r => r.CaptureParameter(3, "Main compression force", new PharmaMes.Domain.Plant.TagName("compression_force"), CaptureMode.StepMean),
        ["RemoveParameter"] = r => r.RemoveParameter(3, "Main compression force"),
        ["AddCheck"] = r => r.AddCheck(3, "Tablet weight", new UnitOfMeasure("mg"), new ValueRange(475, 525)),
        ["UpdateCheck"] = r => r.UpdateCheck(3, "Tablet hardness", Newton, new ValueRange(70, 120)),
        ["RemoveCheck"] = r => r.RemoveCheck(3, "Tablet hardness"),
        ["AddMaterial"] = r => r.AddMaterial(new MaterialCode("EXC-MGST"), KgOf(1), 5, 5, 1),
        ["UpdateMaterial"] = r => r.UpdateMaterial(Paracetamol, KgOf(51), 1, 1, 1),
        ["RemoveMaterial"] = r => r.RemoveMaterial(Cellulose),
    };

    public static TheoryData<string> EditNames => new(Edits.Keys);

    [Theory]
    [MemberData(nameof(EditNames))]
    public void EveryEditWorksOnADraft(string edit)
    {
        var recipe = Draft();
        var before = recipe.Content().Hash();

        Edits[edit](recipe);

        Assert.NotEqual(before, recipe.Content().Hash());
    }

    [Theory]
    [MemberData(nameof(EditNames))]
    public void AnApprovedRecipeRefusesEveryEdit(string edit)
    {
        var recipe = Approved();
        var before = recipe.Content().Text;

        var ex = Assert.Throws<DomainException>(() => Edits[edit](recipe));

        Assert.Equal("Version 1 of PARA-500 is Approved: it never changes; create a new version.", ex.Message);
        Assert.Equal(before, recipe.Content().Text);
    }

    [Theory]
    [MemberData(nameof(EditNames))]
    public void AnObsoleteRecipeRefusesEveryEdit(string edit)
    {
        var recipe = Obsolete();
        var before = recipe.Content().Text;

        var ex = Assert.Throws<DomainException>(() => Edits[edit](recipe));

        Assert.Equal("Version 1 of PARA-500 is Obsolete: it never changes; create a new version.", ex.Message);
        Assert.Equal(before, recipe.Content().Text);
    }

    [Fact]
    public void TheTestCoversEveryPublicEditMethod()
    {
        // A new edit method must be added to Edits, so that its refusal on an approved recipe is tested.
        string[] notEdits = [nameof(MasterRecipe.Approve), nameof(MasterRecipe.MakeObsolete), nameof(MasterRecipe.Supersede),
            nameof(MasterRecipe.NewVersion), nameof(MasterRecipe.Content), nameof(MasterRecipe.FindStep),
            nameof(MasterRecipe.FindMaterial), nameof(MasterRecipe.ScaleFactorFor)];
        var methods = typeof(MasterRecipe).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName)
            .Select(m => m.Name)
            .Except(notEdits);

        Assert.Equal(Edits.Keys.Order(), methods.Distinct().Order());
    }

    // ----- Obsolete and superseded -----

    [Fact]
    public void MakesAnApprovedRecipeObsolete()
    {
        var recipe = Approved();
        var at = ApprovedAt.AddDays(30);

        recipe.MakeObsolete(at);

        Assert.Equal(RecipeStatus.Obsolete, recipe.Status);
        Assert.Equal(at, recipe.ObsoletedAt);
    }

    [Fact]
    public void ADraftCannotBeMadeObsolete()
    {
        var recipe = Draft();

        var ex = Assert.Throws<DomainException>(() => recipe.MakeObsolete(ApprovedAt));

        Assert.Equal("Version 1 of PARA-500 cannot go from Draft to Obsolete. From Draft it can go to: Approved.", ex.Message);
        Assert.Null(recipe.ObsoletedAt);
    }

    [Fact]
    public void ANewlyApprovedVersionSupersedesThePreviousOne()
    {
        var previous = Approved();
        var next = previous.NewVersion(AuthorId, AuthorName, ApprovedAt.AddDays(1));
        next.Approve(ApproverId, ApprovedAt.AddDays(2));

        next.Supersede(previous, ApprovedAt.AddDays(2));

        Assert.Equal(RecipeStatus.Obsolete, previous.Status);
        Assert.Equal(ApprovedAt.AddDays(2), previous.ObsoletedAt);
        Assert.Equal(RecipeStatus.Approved, next.Status);
    }

    [Fact]
    public void ADraftCannotSupersedeAnything()
    {
        var previous = Approved();
        var next = previous.NewVersion(AuthorId, AuthorName, ApprovedAt.AddDays(1));

        var ex = Assert.Throws<DomainException>(() => next.Supersede(previous, ApprovedAt.AddDays(2)));

        Assert.Equal("Version 2 of PARA-500 is Draft: only an Approved version can replace another.", ex.Message);
        Assert.Equal(RecipeStatus.Approved, previous.Status);
    }

    [Fact]
    public void AVersionCannotSupersedeALaterOrTheSameVersion()
    {
        var previous = Approved();
        var next = previous.NewVersion(AuthorId, AuthorName, ApprovedAt.AddDays(1));
        next.Approve(ApproverId, ApprovedAt.AddDays(2));

        var older = Assert.Throws<DomainException>(() => previous.Supersede(next, ApprovedAt.AddDays(3)));
        var itself = Assert.Throws<DomainException>(() => next.Supersede(next, ApprovedAt.AddDays(3)));

        Assert.Equal("Version 1 of PARA-500 can only replace an earlier version, not version 2.", older.Message);
        Assert.Equal("Version 2 of PARA-500 can only replace an earlier version, not version 2.", itself.Message);
        Assert.Equal(RecipeStatus.Approved, next.Status);
    }

    [Fact]
    public void AVersionCannotSupersedeAnotherProduct()
    {
        var other = MasterRecipe.Create(new MaterialCode("IBU-400"), "Ibuprofen 400 mg", KgOf(100), AuthorId, AuthorName, CreatedAt);
        other.AddStep("Dispensing", "Weigh.", EquipmentClass.DispensingBooth);
        other.Approve(ApproverId, ApprovedAt);
        var next = Approved().NewVersion(AuthorId, AuthorName, ApprovedAt);
        next.Approve(ApproverId, ApprovedAt.AddDays(1));

        var ex = Assert.Throws<DomainException>(() => next.Supersede(other, ApprovedAt.AddDays(1)));

        Assert.Equal("Version 2 of PARA-500 cannot replace a recipe of another product (IBU-400).", ex.Message);
        Assert.Equal(RecipeStatus.Approved, other.Status);
    }

    [Fact]
    public void SupersedingAVersionAlreadyObsoleteIsRefused()
    {
        var previous = Obsolete();
        var next = previous.NewVersion(AuthorId, AuthorName, ApprovedAt.AddDays(40));
        next.Approve(ApproverId, ApprovedAt.AddDays(41));

        var ex = Assert.Throws<DomainException>(() => next.Supersede(previous, ApprovedAt.AddDays(41)));

        Assert.Equal("Version 1 of PARA-500 is already Obsolete.", ex.Message);
    }
}

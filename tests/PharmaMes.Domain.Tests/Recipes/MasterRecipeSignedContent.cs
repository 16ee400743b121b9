using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Recipes;
using PharmaMes.Domain.Signatures;
using static PharmaMes.Domain.Tests.Recipes.TestRecipes;

namespace PharmaMes.Domain.Tests.Recipes;

public class MasterRecipeSignedContent
{
    /// <summary>Each changes one defining field of <see cref="TestRecipes.Draft"/>.</summary>
    private static readonly Dictionary<string, Action<MasterRecipe>> Changes = new()
    {
        ["product name"] = r => r.ChangeProductName("Paracetamol 500 mg caplets"),
        ["description"] = r => r.ChangeDescription("Caplets"),
        ["no description"] = r => r.ChangeDescription(null),
        ["batch size amount"] = r => r.SetStandardBatchSize(KgOf(100.5m)),
        ["batch size unit"] = r => r.SetStandardBatchSize(new Quantity(100, "L")),
        ["step added"] = r => r.AddStep("Coating", "Coat."),
        ["step name"] = r => r.UpdateStep(2, "Wet granulation", "Granulate with purified water until the end point.", EquipmentClass.HighShearGranulator, false),
        ["step instructions"] = r => r.UpdateStep(2, "Granulation", "Granulate for 4 minutes.", EquipmentClass.HighShearGranulator, false),
        ["step equipment class"] = r => r.UpdateStep(2, "Granulation", "Granulate with purified water until the end point.", EquipmentClass.FluidBedDryer, false),
        ["step without equipment"] = r => r.UpdateStep(2, "Granulation", "Granulate with purified water until the end point.", null, false),
        ["step verification"] = r => r.UpdateStep(2, "Granulation", "Granulate with purified water until the end point.", EquipmentClass.HighShearGranulator, true),
        ["step moved"] = r => r.MoveStep(3, 2),
        ["step removed"] = r => r.RemoveStep(3),
        ["parameter added"] = r => r.AddParameter(3, "Turret speed", Rpm, 40, new ValueRange(30, 50)),
        ["parameter target"] = r => r.UpdateParameter(3, "Main compression force", KiloNewton, 13, new ValueRange(10, 14)),
        ["parameter low limit"] = r => r.UpdateParameter(3, "Main compression force", KiloNewton, 12, new ValueRange(9, 14)),
        ["parameter high limit"] = r => r.UpdateParameter(3, "Main compression force", KiloNewton, 12, new ValueRange(10, 15)),
        ["parameter unit"] = r => r.UpdateParameter(3, "Main compression force", new UnitOfMeasure("kp"), 12, new ValueRange(10, 14)),
        ["parameter removed"] = r => r.RemoveParameter(3, "Main compression force"),
        ["check added"] = r => r.AddCheck(3, "Tablet weight", new UnitOfMeasure("mg"), new ValueRange(475, 525)),
        ["check low limit"] = r => r.UpdateCheck(3, "Tablet hardness", Newton, new ValueRange(79, 120)),
        ["check high limit"] = r => r.UpdateCheck(3, "Tablet hardness", Newton, new ValueRange(80, 121)),
        ["check unit"] = r => r.UpdateCheck(3, "Tablet hardness", new UnitOfMeasure("kp"), new ValueRange(80, 120)),
        ["check removed"] = r => r.RemoveCheck(3, "Tablet hardness"),
        ["material added"] = r => r.AddMaterial(new MaterialCode("EXC-MGST"), KgOf(0.5m), 5, 5, 3),
        ["material quantity"] = r => r.UpdateMaterial(Paracetamol, KgOf(50.001m), 1, 1, 1),
        ["material unit"] = r => r.UpdateMaterial(Paracetamol, new Quantity(50, "L"), 1, 1, 1),
        ["material tolerance below"] = r => r.UpdateMaterial(Paracetamol, KgOf(50), 0.5m, 1, 1),
        ["material tolerance above"] = r => r.UpdateMaterial(Paracetamol, KgOf(50), 1, 1.5m, 1),
        ["material step"] = r => r.UpdateMaterial(Paracetamol, KgOf(50), 1, 1, 2),
        ["material removed"] = r => r.RemoveMaterial(Cellulose),
    };

    public static TheoryData<string> ChangeNames => new(Changes.Keys);

    [Theory]
    [MemberData(nameof(ChangeNames))]
    public void ChangesWhenAnyDefiningFieldChanges(string change)
    {
        var recipe = Draft();
        var before = recipe.Content().Hash();

        Changes[change](recipe);

        Assert.NotEqual(before, recipe.Content().Hash());
    }

    [Fact]
    public void EveryChangeGivesADifferentContent()
    {
        var hashes = Changes.Values.Select(change =>
        {
            var recipe = Draft();
            change(recipe);
            return recipe.Content().Hash();
        }).Append(Draft().Content().Hash()).ToList();

        Assert.Equal(hashes.Count, hashes.Distinct().Count());
    }

    [Fact]
    public void ChangesWithTheProductAndTheVersion()
    {
        var other = MasterRecipe.Create(new MaterialCode("PARA-1000"), "Paracetamol 500 mg tablets", KgOf(100), AuthorId, AuthorName, CreatedAt, "Immediate release tablets");

        Assert.NotEqual(Empty().Content().Hash(), other.Content().Hash());
        Assert.NotEqual(Approved().Content().Hash(), Approved().NewVersion(AuthorId, AuthorName, ApprovedAt).Content().Hash());
    }

    [Fact]
    public void IsTheSameForTheSameRecipeWrittenByAnotherAuthorAtAnotherTime()
    {
        var one = Draft();
        var other = Draft(new Guid("0190a000-0000-7000-8000-000000000042"), CreatedAt.AddYears(1));

        Assert.NotEqual(one.Id, other.Id);
        Assert.Equal(one.Content().Text, other.Content().Text);
        Assert.Equal(one.Content().Hash(), other.Content().Hash());
    }

    [Fact]
    public void ApprovingAndObsoletingDoNotChangeIt()
    {
        var recipe = Draft();
        var signed = recipe.Content().Hash();

        recipe.Approve(ApproverId, ApprovedAt);
        var approved = recipe.Content().Hash();
        recipe.MakeObsolete(ApprovedAt.AddDays(1));

        Assert.Equal(signed, approved);
        Assert.Equal(signed, recipe.Content().Hash());
    }

    [Fact]
    public void AnEditThatChangesNothingLeavesItAlone()
    {
        var recipe = Draft();
        var before = recipe.Content().Hash();

        recipe.UpdateStep(2, "Granulation", "Granulate with purified water until the end point.", EquipmentClass.HighShearGranulator, false);
        recipe.UpdateMaterial(Paracetamol, KgOf(50.000m), 1.0m, 1.00m, 1);
        recipe.MoveStep(1, 1);

        Assert.Equal(before, recipe.Content().Hash());
    }

    [Fact]
    public void DoesNotDependOnTheOrderMaterialsWereAdded()
    {
        var one = Empty();
        one.AddStep("Dispensing", "Weigh.");
        one.AddMaterial(Paracetamol, KgOf(50), 1, 1, 1);
        one.AddMaterial(Cellulose, KgOf(45), 2, 2, 1);
        var other = Empty();
        other.AddStep("Dispensing", "Weigh.");
        other.AddMaterial(Cellulose, KgOf(45), 2, 2, 1);
        other.AddMaterial(Paracetamol, KgOf(50), 1, 1, 1);

        Assert.Equal(one.Content().Hash(), other.Content().Hash());
    }

    [Fact]
    public void AnApprovalSignatureStaysValidForTheApprovedRecipe()
    {
        var recipe = Draft();
        recipe.Approve(ApproverId, ApprovedAt);
        var signature = new ElectronicSignature(ApproverId, "quinn", "Quinn Approver", SignatureMeaning.Approved, ApprovedAt,
            nameof(MasterRecipe), recipe.Id, recipe.Content());

        recipe.MakeObsolete(ApprovedAt.AddDays(90));

        Assert.True(signature.IsValidFor(recipe.Content()));
        Assert.False(signature.IsValidFor(recipe.NewVersion(AuthorId, AuthorName, ApprovedAt).Content()));
    }
}

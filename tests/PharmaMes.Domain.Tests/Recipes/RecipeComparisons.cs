using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Recipes;
using static PharmaMes.Domain.Recipes.DifferenceKind;
using static PharmaMes.Domain.Tests.Recipes.TestRecipes;

namespace PharmaMes.Domain.Tests.Recipes;

public class RecipeComparisons
{
    private static readonly DateTimeOffset Later = ApprovedAt.AddDays(10);

    private static (MasterRecipe From, MasterRecipe To) TwoVersions()
    {
        var from = Approved();
        return (from, from.NewVersion(AuthorId, AuthorName, Later));
    }

    private static string[] Lines(IEnumerable<RecipeDifference> differences) => [.. differences.Select(d => d.ToString())];

    [Fact]
    public void FindsNothingBetweenTwoVersionsWithTheSameContent()
    {
        var (from, to) = TwoVersions();

        Assert.Empty(RecipeComparison.Compare(from, to));
    }

    [Fact]
    public void FindsAChangedParameterTarget()
    {
        var (from, to) = TwoVersions();
        to.UpdateParameter(3, "Main compression force", KiloNewton, 14, new ValueRange(10, 14));

        var difference = Assert.Single(RecipeComparison.Compare(from, to));

        Assert.Equal(Changed, difference.Kind);
        Assert.Equal("Step 3 Compression: parameter Main compression force target 12 -> 14 kN", difference.What);
    }

    [Fact]
    public void FindsChangedParameterLimitsAndUnit()
    {
        var (from, to) = TwoVersions();
        to.UpdateParameter(3, "Main compression force", Newton, 12000, new ValueRange(10000, 14000));
        to.UpdateParameter(2, "Impeller speed", Rpm, 300, new ValueRange(260, 340));

        Assert.Equal(
            [
                "Changed: Step 2 Granulation: parameter Impeller speed limits 250 – 350 -> 260 – 340 rpm",
                "Changed: Step 3 Compression: parameter Main compression force target 12 kN -> 12000 N",
                "Changed: Step 3 Compression: parameter Main compression force limits 10 – 14 kN -> 10000 – 14000 N",
            ],
            Lines(RecipeComparison.Compare(from, to)));
    }

    [Fact]
    public void FindsAddedRemovedAndChangedParametersAndChecks()
    {
        var (from, to) = TwoVersions();
        to.AddParameter(3, "Turret speed", Rpm, 40, new ValueRange(30, 50));
        to.RemoveCheck(2, "Granule moisture");
        to.UpdateCheck(3, "Tablet hardness", Newton, new ValueRange(90, 120));
        to.RemoveParameter(2, "Impeller speed");

        Assert.Equal(
            [
                "Removed: Step 2 Granulation: parameter Impeller speed (target 300 rpm, limits 250 – 350 rpm)",
                "Removed: Step 2 Granulation: check Granule moisture (limits 1 – 3 %)",
                "Added: Step 3 Compression: parameter Turret speed (target 40 rpm, limits 30 – 50 rpm)",
                "Changed: Step 3 Compression: check Tablet hardness limits 80 – 120 -> 90 – 120 N",
            ],
            Lines(RecipeComparison.Compare(from, to)));
    }

    [Fact]
    public void FindsAddedRemovedAndMovedSteps()
    {
        var (from, to) = TwoVersions();
        to.RemoveStep(2);
        to.AddStep("Coating", "Film-coat the tablets.", EquipmentClass.Coater);
        to.AddStep("Blending", "Blend with the lubricant.");
        to.MoveStep(4, 2);

        Assert.Equal(
            [
                "Removed: Step 2 Granulation",
                "Added: Step 2 Blending",
                "Added: Step 4 Coating",
            ],
            Lines(RecipeComparison.Compare(from, to)));
    }

    [Fact]
    public void FindsAStepThatMovedAndWhatChangedInIt()
    {
        var (from, to) = TwoVersions();
        to.MoveStep(3, 2);
        to.UpdateStep(2, "Compression", "Compress to 1000 mg tablets.", null, true);

        Assert.Equal(
            [
                "Changed: Step 2 Compression: moved from 3 to 2",
                "Changed: Step 2 Compression: instructions changed",
                "Changed: Step 2 Compression: equipment class TabletPress -> none",
                "Changed: Step 2 Compression: verification required no -> yes",
                "Changed: Step 3 Granulation: moved from 2 to 3",
            ],
            Lines(RecipeComparison.Compare(from, to)));
    }

    [Fact]
    public void FindsAddedRemovedAndChangedMaterials()
    {
        var (from, to) = TwoVersions();
        to.AddMaterial(new MaterialCode("EXC-MGST"), KgOf(0.5m), 5, 5, 3);
        to.RemoveMaterial(Cellulose);
        to.UpdateMaterial(Paracetamol, KgOf(55), 0.5m, 1.5m, 2);

        Assert.Equal(
            [
                "Removed: Material EXC-MCC: 45 kg in step 1, tolerance -2/+2 %",
                "Changed: Material API-PARA: quantity 50 kg -> 55 kg",
                "Changed: Material API-PARA: tolerance -1/+1 % -> -0.5/+1.5 %",
                "Changed: Material API-PARA: dispensed in step 1 -> 2",
                "Added: Material EXC-MGST: 0.5 kg in step 3, tolerance -5/+5 %",
            ],
            Lines(RecipeComparison.Compare(from, to)));
    }

    [Fact]
    public void FindsHeaderChanges()
    {
        var (from, to) = TwoVersions();
        to.ChangeProductName("Paracetamol 500 mg caplets");
        to.SetStandardBatchSize(KgOf(120));
        to.ChangeDescription("Caplets");

        Assert.Equal(
            [
                "Changed: Product name 'Paracetamol 500 mg tablets' -> 'Paracetamol 500 mg caplets'",
                "Changed: Standard batch size 100 kg -> 120 kg",
                "Changed: Description changed",
            ],
            Lines(RecipeComparison.Compare(from, to)));
    }

    [Fact]
    public void ComparingTheOtherWayRoundSwapsAddedAndRemoved()
    {
        var (from, to) = TwoVersions();
        to.AddStep("Coating", "Coat.");

        Assert.Equal(Added, Assert.Single(RecipeComparison.Compare(from, to)).Kind);
        Assert.Equal(Removed, Assert.Single(RecipeComparison.Compare(to, from)).Kind);
    }

    [Fact]
    public void IgnoresTheStatusAuthorAndTimesOfTheVersions()
    {
        var one = Draft();
        var other = Draft(new Guid("0190a000-0000-7000-8000-000000000042"), Later);
        other.Approve(ApproverId, Later);

        Assert.Empty(RecipeComparison.Compare(one, other));
    }
}

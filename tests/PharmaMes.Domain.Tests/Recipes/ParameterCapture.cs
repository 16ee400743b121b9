using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Recipes;

namespace PharmaMes.Domain.Tests.Recipes;

/// <summary>A recipe parameter that names the equipment tag it is captured from.</summary>
public class ParameterCapture
{
    private static readonly TagName Force = new("compression_force");

    [Fact]
    public void ADraftParameterIsCapturedFromATagAndTypedAgainWithoutOne()
    {
        var recipe = TestRecipes.Draft();

        var captured = recipe.CaptureParameter(3, "main compression force", Force, CaptureMode.StepMaximum);
        Assert.Equal(Force, captured.CaptureTag);
        Assert.Equal(CaptureMode.StepMaximum, captured.CaptureMode);

        var typed = recipe.CaptureParameter(3, "Main compression force", null, CaptureMode.StepMaximum);
        Assert.False(typed.IsCaptured);
        Assert.Equal(CaptureMode.AtRecording, typed.CaptureMode);
    }

    [Fact]
    public void AnApprovedRecipeCannotChangeWhereAParameterComesFrom()
    {
        var recipe = TestRecipes.Approved();

        Assert.Throws<DomainException>(() => recipe.CaptureParameter(3, "Main compression force", Force, CaptureMode.StepMean));
    }

    [Fact]
    public void AStepWithoutEquipmentHasNothingToCaptureFrom()
    {
        var recipe = TestRecipes.Empty();
        recipe.AddStep("Visual inspection", "Inspect.", null);
        recipe.AddParameter(1, "Room temperature", new UnitOfMeasure("°C"), 21, new ValueRange(15, 25));

        var refused = Assert.Throws<DomainException>(() => recipe.CaptureParameter(1, "Room temperature", new TagName("temperature"), CaptureMode.AtRecording));

        Assert.Contains("no equipment class", refused.Message);
    }

    [Fact]
    public void ANewVersionKeepsTheCapture()
    {
        var recipe = TestRecipes.Draft();
        recipe.CaptureParameter(3, "Main compression force", Force, CaptureMode.StepMean);
        recipe.Approve(TestRecipes.ApproverId, TestRecipes.ApprovedAt);

        var next = recipe.NewVersion(TestRecipes.AuthorId, TestRecipes.AuthorName, TestRecipes.ApprovedAt.AddDays(1));

        var parameter = next.FindStep(3)!.FindParameter("Main compression force")!;
        Assert.Equal(Force, parameter.CaptureTag);
        Assert.Equal(CaptureMode.StepMean, parameter.CaptureMode);
    }

    [Fact]
    public void TheSignedContentNamesTheCaptureAndIsUnchangedForTypedParameters()
    {
        var typed = TestRecipes.Draft();
        var captured = TestRecipes.Draft();
        captured.CaptureParameter(3, "Main compression force", Force, CaptureMode.StepMean);

        Assert.DoesNotContain("Captured", typed.Content().Text);
        Assert.Contains("compression_force", captured.Content().Text);
        Assert.NotEqual(typed.Content().Hash(), captured.Content().Hash());
    }
}

using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Recipes;
using static PharmaMes.Domain.Tests.Recipes.TestRecipes;

namespace PharmaMes.Domain.Tests.Recipes;

public class MasterRecipeDrafting
{
    // ----- A new recipe -----

    [Fact]
    public void CreateStartsVersionOneAsAnEmptyDraft()
    {
        var recipe = MasterRecipe.Create(Product, "  Paracetamol 500 mg tablets ", KgOf(100), AuthorId, " Anna Author ", CreatedAt, "  ");

        Assert.NotEqual(Guid.Empty, recipe.Id);
        Assert.Equal(Product, recipe.ProductCode);
        Assert.Equal("Paracetamol 500 mg tablets", recipe.ProductName);
        Assert.Equal(1, recipe.Version);
        Assert.Equal(RecipeStatus.Draft, recipe.Status);
        Assert.Equal(KgOf(100), recipe.StandardBatchSize);
        Assert.Null(recipe.Description);
        Assert.Equal(AuthorId, recipe.AuthorId);
        Assert.Equal("Anna Author", recipe.AuthorName);
        Assert.Equal(CreatedAt, recipe.CreatedAt);
        Assert.Null(recipe.ApprovedAt);
        Assert.Null(recipe.ApproverId);
        Assert.Null(recipe.ObsoletedAt);
        Assert.Empty(recipe.Steps);
        Assert.Empty(recipe.BillOfMaterials);
        Assert.Equal("Version 1 of PARA-500", recipe.Label);
    }

    [Fact]
    public void RefusesAStandardBatchSizeOfZero()
    {
        var ex = Assert.Throws<DomainException>(() =>
            MasterRecipe.Create(Product, "Paracetamol", KgOf(0), AuthorId, AuthorName, CreatedAt));

        Assert.Equal("The standard batch size must be more than zero.", ex.Message);
    }

    [Fact]
    public void RefusesARecipeWithoutAProductName()
    {
        var ex = Assert.Throws<DomainException>(() => MasterRecipe.Create(Product, " ", KgOf(100), AuthorId, AuthorName, CreatedAt));

        Assert.Equal("A product name is required.", ex.Message);
    }

    [Fact]
    public void RefusesARecipeWithoutAnAuthorId()
    {
        var ex = Assert.Throws<DomainException>(() => MasterRecipe.Create(Product, "Paracetamol", KgOf(100), Guid.Empty, AuthorName, CreatedAt));

        Assert.Equal("A recipe needs its author's user id.", ex.Message);
    }

    [Fact]
    public void ChangesTheHeaderOfADraft()
    {
        var recipe = Empty();

        recipe.ChangeProductName("Paracetamol 500 mg film-coated tablets");
        recipe.ChangeDescription(" Film-coated ");
        recipe.SetStandardBatchSize(KgOf(250));

        Assert.Equal("Paracetamol 500 mg film-coated tablets", recipe.ProductName);
        Assert.Equal("Film-coated", recipe.Description);
        Assert.Equal(KgOf(250), recipe.StandardBatchSize);
    }

    // ----- Steps -----

    [Fact]
    public void AddsStepsNumberedInOrder()
    {
        var recipe = Draft();

        Assert.Equal(["1 Dispensing", "2 Granulation", "3 Compression"], StepList(recipe));
        var dispensing = recipe.Steps[0];
        Assert.Equal(recipe.Id, dispensing.RecipeId);
        Assert.Equal(EquipmentClass.DispensingBooth, dispensing.RequiredEquipmentClass);
        Assert.True(dispensing.RequiresVerification);
        Assert.False(recipe.Steps[1].RequiresVerification);
        Assert.Equal("Step 3 Compression", recipe.Steps[2].Label);
    }

    [Fact]
    public void AddsAStepWithoutEquipment()
    {
        var recipe = Empty();

        var step = recipe.AddStep("Line clearance", "Check the room is clear of the previous product.");

        Assert.Null(step.RequiredEquipmentClass);
        Assert.False(step.RequiresVerification);
    }

    [Fact]
    public void RefusesAStepWithoutInstructions()
    {
        var recipe = Empty();

        var ex = Assert.Throws<DomainException>(() => recipe.AddStep("Dispensing", "  "));

        Assert.Equal("The instruction text of step 1 is required.", ex.Message);
        Assert.Empty(recipe.Steps);
    }

    [Fact]
    public void RefusesAStepNameUsedByAnotherStep()
    {
        var recipe = Draft();

        var ex = Assert.Throws<DomainException>(() => recipe.AddStep(" granulation ", "Again"));

        Assert.Equal("Version 1 of PARA-500 already has a step named 'Granulation' (step 2).", ex.Message);
        Assert.Equal(3, recipe.Steps.Count);
    }

    [Fact]
    public void RefusesAnUnknownEquipmentClass()
    {
        var recipe = Empty();

        var ex = Assert.Throws<DomainException>(() => recipe.AddStep("Mixing", "Mix.", (EquipmentClass)99));

        Assert.Equal("'99' is not an equipment class.", ex.Message);
    }

    [Fact]
    public void UpdatesAStep()
    {
        var recipe = Draft();

        var step = recipe.UpdateStep(2, "Wet granulation", "Granulate for 5 minutes.", EquipmentClass.FluidBedDryer, true);

        Assert.Equal("Wet granulation", step.Name);
        Assert.Equal("Granulate for 5 minutes.", step.Instructions);
        Assert.Equal(EquipmentClass.FluidBedDryer, step.RequiredEquipmentClass);
        Assert.True(step.RequiresVerification);
        Assert.Equal(2, step.Number);
    }

    [Fact]
    public void UpdatingAStepMayKeepItsOwnName()
    {
        var recipe = Draft();

        var step = recipe.UpdateStep(2, "Granulation", "New instructions.", null, false);

        Assert.Equal("New instructions.", step.Instructions);
    }

    [Fact]
    public void RefusesToRenameAStepToTheNameOfAnother()
    {
        var recipe = Draft();

        var ex = Assert.Throws<DomainException>(() => recipe.UpdateStep(2, "Compression", "x", null, false));

        Assert.Equal("Version 1 of PARA-500 already has a step named 'Compression' (step 3).", ex.Message);
        Assert.Equal("Granulation", recipe.Steps[1].Name);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(-1)]
    public void RefusesAStepNumberThatDoesNotExist(int number)
    {
        var recipe = Draft();

        var ex = Assert.Throws<DomainException>(() => recipe.UpdateStep(number, "X", "Y", null, false));

        Assert.Equal($"Version 1 of PARA-500 has no step {number}: its steps are numbered 1 to 3.", ex.Message);
    }

    [Fact]
    public void SaysWhenARecipeHasNoStepsYet()
    {
        var ex = Assert.Throws<DomainException>(() => Empty().AddParameter(1, "Speed", Rpm, 1, new ValueRange(0, 2)));

        Assert.Equal("Version 1 of PARA-500 has no steps yet.", ex.Message);
    }

    [Fact]
    public void RemovingAStepRenumbersTheStepsAfterIt()
    {
        var recipe = Draft();

        recipe.RemoveStep(2);

        Assert.Equal(["1 Dispensing", "2 Compression"], StepList(recipe));
        Assert.NotNull(recipe.Steps[1].FindParameter("Main compression force"));
    }

    [Fact]
    public void RemovingTheLastStepLeavesTheOthers()
    {
        var recipe = Draft();

        recipe.RemoveStep(3);

        Assert.Equal(["1 Dispensing", "2 Granulation"], StepList(recipe));
    }

    [Fact]
    public void RefusesToRemoveAStepThatDispensesMaterials()
    {
        var recipe = Draft();

        var ex = Assert.Throws<DomainException>(() => recipe.RemoveStep(1));

        Assert.Equal("Step 1 Dispensing dispenses API-PARA, EXC-MCC: move those materials to another step or remove them first.", ex.Message);
        Assert.Equal(3, recipe.Steps.Count);
    }

    [Fact]
    public void MovingAStepEarlierShiftsTheOthersAndMaterialsFollowTheirStep()
    {
        var recipe = Draft();

        recipe.MoveStep(1, 3);

        Assert.Equal(["1 Granulation", "2 Compression", "3 Dispensing"], StepList(recipe));
        Assert.All(recipe.BillOfMaterials, line => Assert.Equal(3, line.StepNumber));
    }

    [Fact]
    public void MovingAStepLaterShiftsTheOthers()
    {
        var recipe = Draft();
        recipe.UpdateMaterial(Cellulose, KgOf(45), 2, 2, 2);

        recipe.MoveStep(3, 2);

        Assert.Equal(["1 Dispensing", "2 Compression", "3 Granulation"], StepList(recipe));
        Assert.Equal(3, recipe.FindMaterial(Cellulose)!.StepNumber);
        Assert.Equal(1, recipe.FindMaterial(Paracetamol)!.StepNumber);
    }

    [Fact]
    public void MovingAStepToItsOwnPlaceChangesNothing()
    {
        var recipe = Draft();

        recipe.MoveStep(2, 2);

        Assert.Equal(["1 Dispensing", "2 Granulation", "3 Compression"], StepList(recipe));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void RefusesToMoveAStepOutsideTheRecipe(int newNumber)
    {
        var recipe = Draft();

        var ex = Assert.Throws<DomainException>(() => recipe.MoveStep(2, newNumber));

        Assert.Equal($"Step 2 Granulation can move to a place from 1 to 3, not {newNumber}.", ex.Message);
    }

    // ----- Parameters and checks -----

    [Fact]
    public void AddsParametersAndChecksInOrder()
    {
        var recipe = Draft();

        recipe.AddParameter(3, "Pre-compression force", KiloNewton, 3, new ValueRange(2, 4));

        var step = recipe.Steps[2];
        Assert.Equal(["Main compression force", "Pre-compression force"], step.Parameters.Select(p => p.Name));
        Assert.Equal([0, 1], step.Parameters.Select(p => p.Position));
        var force = step.Parameters[0];
        Assert.Equal(step.Id, force.RecipeStepId);
        Assert.Equal(KiloNewton, force.Unit);
        Assert.Equal(12, force.Target);
        Assert.Equal(new ValueRange(10, 14), force.Limits);
        Assert.Equal("Tablet hardness", Assert.Single(step.Checks).Name);
    }

    [Theory]
    [InlineData(9.99)]
    [InlineData(14.01)]
    public void RefusesATargetOutsideTheLimits(double target)
    {
        var recipe = Draft();

        var ex = Assert.Throws<DomainException>(() => recipe.AddParameter(3, "Ejection force", KiloNewton, target, new ValueRange(10, 14)));

        Assert.Equal($"The target of parameter 'Ejection force' ({target} kN) must lie within its limits (10 – 14 kN).", ex.Message);
        Assert.Single(recipe.Steps[2].Parameters);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(14)]
    public void AcceptsATargetOnALimit(double target)
    {
        var parameter = Draft().AddParameter(3, "Ejection force", KiloNewton, target, new ValueRange(10, 14));

        Assert.Equal(target, parameter.Target);
    }

    [Fact]
    public void RefusesANonFiniteTarget()
    {
        var ex = Assert.Throws<DomainException>(() => Draft().AddParameter(3, "Ejection force", KiloNewton, double.NaN, new ValueRange(10, 14)));

        Assert.Equal("The target of parameter 'Ejection force' must be a finite number.", ex.Message);
    }

    [Fact]
    public void RefusesAParameterWithoutAUnit()
    {
        var ex = Assert.Throws<DomainException>(() => Draft().AddParameter(3, "Ejection force", default, 12, new ValueRange(10, 14)));

        Assert.Equal("Parameter 'Ejection force' needs a unit of measure.", ex.Message);
    }

    [Theory]
    [InlineData("main compression force")]
    [InlineData("Tablet hardness")]
    public void RefusesAParameterOrCheckNameUsedInTheSameStep(string name)
    {
        var recipe = Draft();

        var parameter = Assert.Throws<DomainException>(() => recipe.AddParameter(3, name, KiloNewton, 12, new ValueRange(10, 14)));
        var check = Assert.Throws<DomainException>(() => recipe.AddCheck(3, name, Newton, new ValueRange(1, 2)));

        Assert.Equal($"Step 3 Compression already has a parameter or check named '{name}'.", parameter.Message);
        Assert.Equal(parameter.Message, check.Message);
    }

    [Fact]
    public void TheSameParameterNameMayBeUsedInAnotherStep()
    {
        var recipe = Draft();

        recipe.AddParameter(2, "Main compression force", KiloNewton, 12, new ValueRange(10, 14));

        Assert.NotNull(recipe.Steps[1].FindParameter("Main compression force"));
    }

    [Fact]
    public void UpdatesAParameter()
    {
        var recipe = Draft();

        var parameter = recipe.UpdateParameter(3, "main compression force", Newton, 14000, new ValueRange(11000, 15000));

        Assert.Equal("Main compression force", parameter.Name);
        Assert.Equal(Newton, parameter.Unit);
        Assert.Equal(14000, parameter.Target);
        Assert.Equal(new ValueRange(11000, 15000), parameter.Limits);
    }

    [Fact]
    public void RefusesAnUpdateThatPutsTheTargetOutsideTheLimits()
    {
        var recipe = Draft();

        Assert.Throws<DomainException>(() => recipe.UpdateParameter(3, "Main compression force", KiloNewton, 12, new ValueRange(13, 15)));

        Assert.Equal(new ValueRange(10, 14), recipe.Steps[2].Parameters[0].Limits);
    }

    [Fact]
    public void RemovesAParameterAndClosesTheGapInPositions()
    {
        var recipe = Draft();
        recipe.AddParameter(3, "Pre-compression force", KiloNewton, 3, new ValueRange(2, 4));
        recipe.AddParameter(3, "Turret speed", Rpm, 40, new ValueRange(30, 50));

        recipe.RemoveParameter(3, "Pre-compression force");

        var parameters = recipe.Steps[2].Parameters;
        Assert.Equal(["Main compression force", "Turret speed"], parameters.Select(p => p.Name));
        Assert.Equal([0, 1], parameters.Select(p => p.Position));
    }

    [Fact]
    public void RefusesToUpdateOrRemoveAParameterThatDoesNotExist()
    {
        var recipe = Draft();

        var update = Assert.Throws<DomainException>(() => recipe.UpdateParameter(3, "Turret speed", Rpm, 40, new ValueRange(30, 50)));
        var remove = Assert.Throws<DomainException>(() => recipe.RemoveParameter(3, "Turret speed"));

        Assert.Equal("Step 3 Compression has no parameter named 'Turret speed'.", update.Message);
        Assert.Equal(update.Message, remove.Message);
    }

    [Fact]
    public void AddsUpdatesAndRemovesChecks()
    {
        var recipe = Draft();

        recipe.AddCheck(3, "Tablet weight", new UnitOfMeasure("mg"), new ValueRange(475, 525));
        var hardness = recipe.UpdateCheck(3, "Tablet hardness", Newton, new ValueRange(90, 130));
        recipe.RemoveCheck(3, "Tablet hardness");

        Assert.Equal(new ValueRange(90, 130), hardness.Limits);
        var check = Assert.Single(recipe.Steps[2].Checks);
        Assert.Equal("Tablet weight", check.Name);
        Assert.Equal(0, check.Position);
    }

    [Fact]
    public void RefusesToUpdateOrRemoveACheckThatDoesNotExist()
    {
        var recipe = Draft();

        var update = Assert.Throws<DomainException>(() => recipe.UpdateCheck(2, "Tablet hardness", Newton, new ValueRange(1, 2)));
        var remove = Assert.Throws<DomainException>(() => recipe.RemoveCheck(2, "Tablet hardness"));

        Assert.Equal("Step 2 Granulation has no check named 'Tablet hardness'.", update.Message);
        Assert.Equal(update.Message, remove.Message);
    }

    [Fact]
    public void RemovingAStepRemovesItsParametersAndChecks()
    {
        var recipe = Draft();

        recipe.RemoveStep(3);

        Assert.DoesNotContain(recipe.Steps, s => s.FindParameter("Main compression force") is not null || s.FindCheck("Tablet hardness") is not null);
    }

    // ----- Bill of materials -----

    [Fact]
    public void AddsMaterialLinesForTheStandardBatch()
    {
        var recipe = Draft();

        var line = recipe.FindMaterial(Paracetamol)!;

        Assert.Equal(recipe.Id, line.RecipeId);
        Assert.Equal(KgOf(50), line.Quantity);
        Assert.Equal(1m, line.TolerancePercentBelow);
        Assert.Equal(1m, line.TolerancePercentAbove);
        Assert.Equal(1, line.StepNumber);
        Assert.Equal([Paracetamol, Cellulose], recipe.BillOfMaterials.Select(l => l.MaterialCode));
    }

    [Fact]
    public void RefusesAMaterialTwice()
    {
        var recipe = Draft();

        var ex = Assert.Throws<DomainException>(() => recipe.AddMaterial(new MaterialCode("api-para"), KgOf(1), 1, 1, 2));

        Assert.Equal("API-PARA is already in the bill of materials (step 1): change that line instead.", ex.Message);
        Assert.Equal(2, recipe.BillOfMaterials.Count);
    }

    [Fact]
    public void RefusesTheProductAsItsOwnMaterial()
    {
        var ex = Assert.Throws<DomainException>(() => Draft().AddMaterial(Product, KgOf(1), 1, 1, 1));

        Assert.Equal("PARA-500 is the product of this recipe: it cannot also be one of its materials.", ex.Message);
    }

    [Fact]
    public void RefusesAMaterialForAStepThatDoesNotExist()
    {
        var ex = Assert.Throws<DomainException>(() => Draft().AddMaterial(new MaterialCode("EXC-MGST"), KgOf(1), 1, 1, 7));

        Assert.Equal("Version 1 of PARA-500 has no step 7: its steps are numbered 1 to 3.", ex.Message);
    }

    [Fact]
    public void RefusesAMaterialQuantityOfZero()
    {
        var ex = Assert.Throws<DomainException>(() => Draft().AddMaterial(new MaterialCode("EXC-MGST"), KgOf(0), 1, 1, 1));

        Assert.Equal("The quantity of EXC-MGST must be more than zero.", ex.Message);
    }

    [Theory]
    [InlineData(-0.1, 1, "The tolerance below target of EXC-MGST must be from 0 to 100 % (got -0.1).")]
    [InlineData(100.1, 1, "The tolerance below target of EXC-MGST must be from 0 to 100 % (got 100.1).")]
    [InlineData(1, -1, "The tolerance above target of EXC-MGST must be from 0 to 100 % (got -1).")]
    [InlineData(1, 101, "The tolerance above target of EXC-MGST must be from 0 to 100 % (got 101).")]
    public void RefusesATolerancePercentOutsideZeroToHundred(double below, double above, string expected)
    {
        var ex = Assert.Throws<DomainException>(() =>
            Draft().AddMaterial(new MaterialCode("EXC-MGST"), KgOf(1), (decimal)below, (decimal)above, 1));

        Assert.Equal(expected, ex.Message);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(100, 100)]
    public void AcceptsTolerancesOnTheEdges(double below, double above)
    {
        var line = Draft().AddMaterial(new MaterialCode("EXC-MGST"), KgOf(1), (decimal)below, (decimal)above, 1);

        Assert.Equal((decimal)below, line.TolerancePercentBelow);
        Assert.Equal((decimal)above, line.TolerancePercentAbove);
    }

    [Fact]
    public void UpdatesAMaterialLine()
    {
        var recipe = Draft();

        var line = recipe.UpdateMaterial(Cellulose, KgOf(44.5m), 0.5m, 3, 2);

        Assert.Equal(KgOf(44.5m), line.Quantity);
        Assert.Equal(0.5m, line.TolerancePercentBelow);
        Assert.Equal(3m, line.TolerancePercentAbove);
        Assert.Equal(2, line.StepNumber);
    }

    [Fact]
    public void RemovesAMaterialLine()
    {
        var recipe = Draft();

        recipe.RemoveMaterial(Cellulose);

        Assert.Equal(Paracetamol, Assert.Single(recipe.BillOfMaterials).MaterialCode);
    }

    [Fact]
    public void RefusesToUpdateOrRemoveAMaterialNotInTheBillOfMaterials()
    {
        var recipe = Draft();
        var magnesiumStearate = new MaterialCode("EXC-MGST");

        var update = Assert.Throws<DomainException>(() => recipe.UpdateMaterial(magnesiumStearate, KgOf(1), 1, 1, 1));
        var remove = Assert.Throws<DomainException>(() => recipe.RemoveMaterial(magnesiumStearate));

        Assert.Equal("EXC-MGST is not in the bill of materials of Version 1 of PARA-500.", update.Message);
        Assert.Equal(update.Message, remove.Message);
    }

    [Fact]
    public void AStepWhoseMaterialsMovedAwayCanBeRemoved()
    {
        var recipe = Draft();
        recipe.UpdateMaterial(Paracetamol, KgOf(50), 1, 1, 2);
        recipe.UpdateMaterial(Cellulose, KgOf(45), 2, 2, 2);

        recipe.RemoveStep(1);

        Assert.Equal(["1 Granulation", "2 Compression"], StepList(recipe));
        Assert.All(recipe.BillOfMaterials, line => Assert.Equal(1, line.StepNumber));
    }

    // ----- Scaling -----

    [Theory]
    [InlineData(100, 1)]
    [InlineData(250, 2.5)]
    [InlineData(50, 0.5)]
    public void ScalesToThePlannedBatchSize(double planned, double factor)
    {
        Assert.Equal((decimal)factor, Draft().ScaleFactorFor(KgOf((decimal)planned)));
    }

    [Fact]
    public void ScaledQuantitiesAreRoundedToSixDecimals()
    {
        var line = Draft().FindMaterial(Paracetamol)!;

        Assert.Equal(KgOf(16.666667m), line.ScaledBy(1m / 3m));
    }

    [Fact]
    public void RefusesToScaleToAnotherUnit()
    {
        var ex = Assert.Throws<DomainException>(() => Draft().ScaleFactorFor(new Quantity(100, "L")));

        Assert.Equal("The planned size 100 L is not in kg, the unit of the recipe's standard batch size 100 kg.", ex.Message);
    }

    [Fact]
    public void RefusesToScaleToZero()
    {
        var ex = Assert.Throws<DomainException>(() => Draft().ScaleFactorFor(KgOf(0)));

        Assert.Equal("The planned size of a batch must be more than zero.", ex.Message);
    }
}

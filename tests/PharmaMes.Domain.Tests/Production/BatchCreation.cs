using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Tests.Recipes;
using static PharmaMes.Domain.Tests.Production.TestProduction;

namespace PharmaMes.Domain.Tests.Production;

public class BatchCreation
{
    [Fact]
    public void CreatesABatchFromAReleasedOrderAndAnApprovedRecipe()
    {
        var order = ReleasedOrder();
        var recipe = TestRecipes.Approved();

        var batch = Batch.Create(order, recipe, BatchNo, KgOf(200), Planner, T0);

        Assert.NotEqual(Guid.Empty, batch.Id);
        Assert.Equal(BatchNo, batch.Number);
        Assert.Equal(order.Id, batch.OrderId);
        Assert.Equal(recipe.Id, batch.RecipeId);
        Assert.Equal(1, batch.RecipeVersion);
        Assert.Equal(recipe.ProductCode, batch.ProductCode);
        Assert.Equal(KgOf(200), batch.PlannedQuantity);
        Assert.Equal(BatchState.Created, batch.State);
        Assert.Equal(BatchDisposition.PendingReview, batch.Disposition);
        Assert.Equal(T0, batch.CreatedAt);
        Assert.Null(batch.StartedAt);
        Assert.Null(batch.CompletedAt);
    }

    [Fact]
    public void WritesTheFirstEntryOfTheBatchRecord()
    {
        var batch = NewBatch();

        var entry = Assert.Single(batch.NewEntries);
        Assert.Equal(1, entry.Sequence);
        Assert.Equal(batch.Id, entry.BatchId);
        Assert.Equal(BatchRecordEntryKind.BatchCreated, entry.Kind);
        Assert.Equal(Planner.Id, entry.UserId);
        Assert.Equal("Paul Planner", entry.UserName);
        Assert.Equal(T0, entry.At);
        Assert.Equal("Order PO-2026-0001, Version 1 of PARA-500, planned 200 kg.", entry.Text);
        Assert.Equal(2, batch.NextEntrySequence);
    }

    [Fact]
    public void CopiesTheStepsOfTheRecipe()
    {
        var recipe = TestRecipes.Approved();

        var batch = Batch.Create(ReleasedOrder(), recipe, BatchNo, KgOf(200), Planner, T0);

        Assert.Equal(["Step 1 Dispensing", "Step 2 Granulation", "Step 3 Compression"], batch.Steps.Select(s => s.Label));
        Assert.All(batch.Steps, s => Assert.Equal(StepState.Pending, s.State));
        Assert.All(batch.Steps, s => Assert.Equal(batch.Id, s.BatchId));
        Assert.Equal(recipe.Steps.Select(s => s.Id), batch.Steps.Select(s => s.RecipeStepId));
        Assert.Equal(recipe.Steps.Select(s => s.Instructions), batch.Steps.Select(s => s.Instructions));
        Assert.Equal([EquipmentClass.DispensingBooth, EquipmentClass.HighShearGranulator, EquipmentClass.TabletPress],
            batch.Steps.Select(s => s.RequiredEquipmentClass!.Value));
        Assert.Equal([true, false, false], batch.Steps.Select(s => s.RequiresVerification));
    }

    [Fact]
    public void CopiesParametersAndChecksWithTheirLimits()
    {
        var batch = NewBatch();

        var compression = batch.FindStep(3)!;
        Assert.Equal(["Main compression force", "Tablet hardness"], compression.Values.Select(v => v.Name));
        var force = compression.Values[0];
        Assert.Equal(BatchStepValueKind.ProcessParameter, force.Kind);
        Assert.Equal(12, force.Target);
        Assert.Equal(new ValueRange(10, 14), force.Limits);
        Assert.Equal(TestRecipes.KiloNewton, force.Unit);
        Assert.Equal(compression.Id, force.BatchStepId);
        var hardness = compression.Values[1];
        Assert.Equal(BatchStepValueKind.InProcessCheck, hardness.Kind);
        Assert.Null(hardness.Target);
        Assert.Equal(new ValueRange(80, 120), hardness.Limits);
        Assert.False(hardness.IsRecorded);
    }

    [Theory]
    [InlineData(200, 100, 90)]
    [InlineData(100, 50, 45)]
    [InlineData(50, 25, 22.5)]
    [InlineData(300, 150, 135)]
    public void ScalesTheMaterialsToThePlannedQuantity(double plannedKg, double paracetamolKg, double celluloseKg)
    {
        var batch = NewBatch((decimal)plannedKg);

        var dispensing = batch.FindStep(1)!;
        Assert.Equal(KgOf((decimal)paracetamolKg), dispensing.FindMaterial(TestRecipes.Paracetamol)!.TargetQuantity);
        Assert.Equal(KgOf((decimal)celluloseKg), dispensing.FindMaterial(TestRecipes.Cellulose)!.TargetQuantity);
        Assert.Equal(2m, dispensing.FindMaterial(TestRecipes.Cellulose)!.TolerancePercentBelow);
        Assert.Empty(batch.FindStep(2)!.Materials);
    }

    [Fact]
    public void KeepsItsCopyWhenTheRecipeIsLaterObsoleted()
    {
        var recipe = TestRecipes.Approved();
        var batch = Batch.Create(ReleasedOrder(), recipe, BatchNo, KgOf(200), Planner, T0);

        recipe.MakeObsolete(T0.AddDays(1));

        Assert.Equal(new ValueRange(10, 14), batch.FindStep(3)!.FindValue("Main compression force")!.Limits);
        Assert.Equal(KgOf(100), batch.FindStep(1)!.FindMaterial(TestRecipes.Paracetamol)!.TargetQuantity);
    }

    [Fact]
    public void RefusesADraftRecipe()
    {
        var ex = Assert.Throws<DomainException>(() => Batch.Create(ReleasedOrder(), TestRecipes.Draft(), BatchNo, KgOf(200), Planner, T0));

        Assert.Equal("Version 1 of PARA-500 is Draft: only an Approved recipe can make a batch.", ex.Message);
    }

    [Fact]
    public void RefusesAnObsoleteRecipe()
    {
        var ex = Assert.Throws<DomainException>(() => Batch.Create(ReleasedOrder(), TestRecipes.Obsolete(), BatchNo, KgOf(200), Planner, T0));

        Assert.Equal("Version 1 of PARA-500 is Obsolete: only an Approved recipe can make a batch.", ex.Message);
    }

    public static TheoryData<string> OrdersNotReleased => new("Planned", "Completed", "Closed", "Cancelled");

    [Theory]
    [MemberData(nameof(OrdersNotReleased))]
    public void RefusesAnOrderThatIsNotReleased(string status)
    {
        var order = PlannedOrder();
        switch (status)
        {
            case "Completed" or "Closed":
                order.Release(T0);
                order.Start(T0);
                order.Complete(T0);
                if (status == "Closed")
                    order.Close(T0);
                break;
            case "Cancelled":
                order.Cancel("No longer needed", T0);
                break;
        }

        var ex = Assert.Throws<DomainException>(() => Batch.Create(order, TestRecipes.Approved(), BatchNo, KgOf(200), Planner, T0));

        Assert.Equal($"Order PO-2026-0001 is {status}: a batch needs a Released order.", ex.Message);
    }

    [Fact]
    public void AcceptsAnotherBatchForAnOrderAlreadyInProgress()
    {
        var order = ReleasedOrder();
        order.Start(T0);

        var batch = Batch.Create(order, TestRecipes.Approved(), new BatchNumber("B-2026-0043"), KgOf(200), Planner, T0);

        Assert.Equal(order.Id, batch.OrderId);
    }

    [Fact]
    public void RefusesARecipeOfAnotherProduct()
    {
        var order = ProductionOrder.Plan(OrderNo, new MaterialCode("IBU-400"), KgOf(100), DueDate, 5, T0);
        order.Release(T0);

        var ex = Assert.Throws<DomainException>(() => Batch.Create(order, TestRecipes.Approved(), BatchNo, KgOf(200), Planner, T0));

        Assert.Equal("Order PO-2026-0001 is for IBU-400, but the recipe makes PARA-500.", ex.Message);
    }

    [Fact]
    public void RefusesAPlannedQuantityInAnotherUnitOrOfZero()
    {
        var unit = Assert.Throws<DomainException>(() => Batch.Create(ReleasedOrder(), TestRecipes.Approved(), BatchNo, new Quantity(200, "L"), Planner, T0));
        var zero = Assert.Throws<DomainException>(() => Batch.Create(ReleasedOrder(), TestRecipes.Approved(), BatchNo, KgOf(0), Planner, T0));

        Assert.Equal("The planned size 200 L is not in kg, the unit of the recipe's standard batch size 100 kg.", unit.Message);
        Assert.Equal("The planned size of a batch must be more than zero.", zero.Message);
    }
}

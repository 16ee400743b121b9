using Bunit;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Recipes;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Web.Components.Pages.Batches;

namespace PharmaMes.Web.Tests.Batches;

/// <summary>The shop-floor step component: what it offers in each step state, and what it hands to the page.</summary>
public class ExecutionSteps : BunitContext
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly Person Operator = new(Guid.CreateVersion7(), "operator");

    // A started step puts the cursor in its first empty field through the page's script.
    public ExecutionSteps() => JSInterop.SetupVoid("mesShopFloor.focusFirstEmpty", _ => true);

    /// <summary>A running batch of a two-step recipe: dispensing on a booth (verified), then drying with a parameter.</summary>
    private static (Batch Batch, Equipment Booth) RunningBatch()
    {
        var author = Guid.CreateVersion7();
        var recipe = MasterRecipe.Create(new MaterialCode("FG-TEST"), "Test tablets", new Quantity(100m, "kg"), author, "author", T0.AddDays(-1));
        recipe.AddStep("Dispensing", "Weigh the API.", EquipmentClass.DispensingBooth, requiresVerification: true);
        recipe.AddMaterial(new MaterialCode("API-PARA"), new Quantity(5m, "kg"), 1m, 1m, 1);
        recipe.AddStep("Drying", "Dry it.", null);
        recipe.AddParameter(2, "Inlet air temperature", new UnitOfMeasure("°C"), 60, new ValueRange(55, 65));
        recipe.Approve(Guid.CreateVersion7(), T0.AddDays(-1));
        var order = ProductionOrder.Plan(new OrderNumber("PO-1"), new MaterialCode("FG-TEST"), new Quantity(100m, "kg"), new DateOnly(2026, 12, 1), 3, T0.AddDays(-1));
        order.Release(T0.AddDays(-1));
        var batch = Batch.Create(order, recipe, new BatchNumber("B-1"), new Quantity(100m, "kg"), Operator, T0);
        batch.Start(Operator, T0);
        var line = new Site(new PlantCode("S"), "Site").AddArea(new PlantCode("A"), "Area").AddLine(new PlantCode("L"), "Line");
        var booth = line.AddEquipment(new PlantCode("DISP-01"), "Dispensing booth 1", EquipmentClass.DispensingBooth, T0.AddDays(-30));
        booth.RecordCalibration(DateOnly.FromDateTime(T0.UtcDateTime).AddMonths(-1), DateOnly.FromDateTime(T0.UtcDateTime).AddMonths(5));
        booth.ChangeState(EquipmentState.Idle, T0.AddDays(-1));
        booth.AcceptCleaning(CleaningMethod.Major, T0.AddHours(-1), T0.AddHours(-1));
        return (batch, booth);
    }

    /// <summary>The batch with its weighing performed (5 kg from a released lot), awaiting verification.</summary>
    internal static Batch DispensingPerformed()
    {
        var (batch, booth) = RunningBatch();
        batch.StartStep(1, booth, Operator, T0.AddMinutes(1));
        var material = new Material(new MaterialCode("API-PARA"), "Paracetamol", MaterialType.RawMaterial, new UnitOfMeasure("kg"), 0, 0);
        var lot = MaterialLot.Receive(new LotNumber("PARA-1"), material, new DateOnly(2028, 1, 1), T0.AddDays(-10));
        lot.Release(T0.AddDays(-9));
        batch.RecordDispense(1, material.Code, material, lot, new Quantity(5m, "kg"), Operator, T0.AddMinutes(2));
        batch.CompleteStep(1, Operator, T0.AddMinutes(3));
        return batch;
    }

    /// <summary>The batch with the weighing verified and the drying step started.</summary>
    private static Batch DryingInProgress()
    {
        var batch = DispensingPerformed();
        batch.VerifyStep(1, new Person(Guid.CreateVersion7(), "supervisor"), T0.AddMinutes(4));
        batch.StartStep(2, null, Operator, T0.AddMinutes(5));
        return batch;
    }

    [Fact]
    public void APendingStepOffersOnlyFitEquipmentAndNamesWhyTheRestIsBlocked()
    {
        var (batch, _) = RunningBatch();
        string? started = "nothing";
        var step = Render<ExecutionStep>(ps => ps
            .Add(p => p.Step, batch.FindStep(1)!)
            .Add(p => p.CanAct, true)
            .Add(p => p.IsNext, true)
            .Add(p => p.Choices, [new EquipmentChoice("DISP-01", "Dispensing booth 1", "Idle", []), new EquipmentChoice("DISP-02", "Dispensing booth 2", "Idle", ["In use by batch B-0."])])
            .Add(p => p.OnStart, code => started = code));

        var blocked = step.Find("button[data-equipment='DISP-02']");
        Assert.True(blocked.HasAttribute("disabled"));
        Assert.Contains("In use by batch B-0.", blocked.TextContent);
        // The one usable booth is chosen for the operator: one tap less with gloves on.
        Assert.Equal("true", step.Find("button[data-equipment='DISP-01']").GetAttribute("aria-pressed"));
        step.Find("button[data-action='start-step']").Click();
        Assert.Equal("DISP-01", started);
    }

    [Fact]
    public void ALaterStepCannotBeStartedBeforeTheOnesBeforeIt()
    {
        var (batch, _) = RunningBatch();

        var step = Render<ExecutionStep>(ps => ps.Add(p => p.Step, batch.FindStep(2)!).Add(p => p.CanAct, true).Add(p => p.IsNext, false));

        Assert.Empty(step.FindAll("button[data-action='start-step']"));
        Assert.Contains("steps run in order", step.Markup);
    }

    [Fact]
    public void AValueThatIsNotANumberIsExplainedAndNotSent()
    {
        var batch = DryingInProgress();
        var sent = new List<(string, double)>();
        var step = Render<ExecutionStep>(ps => ps
            .Add(p => p.Step, batch.FindStep(2)!)
            .Add(p => p.CanAct, true)
            .Add(p => p.IsNext, true)
            .Add(p => p.OnRecordValue, entry => sent.Add(entry)));
        var row = step.Find("tr[data-value='Inlet air temperature']");
        Assert.Contains("55 – 65 °C", row.TextContent);

        step.Find("tr[data-value='Inlet air temperature'] input").Change("sixty");
        step.Find("tr[data-value='Inlet air temperature'] button[data-action='record']").Click();
        var error = step.Find("tr[data-value='Inlet air temperature'] .validation-message").TextContent;
        step.Find("tr[data-value='Inlet air temperature'] input").Change("66.5");
        step.Find("tr[data-value='Inlet air temperature'] button[data-action='record']").Click();

        Assert.Contains("is not a number", error);
        Assert.Equal([("Inlet air temperature", 66.5)], sent);
    }

    [Fact]
    public void TheLiveScaleReadingFillsTheQuantityAndTheDispenseCarriesLotAndAmount()
    {
        var (batch, booth) = RunningBatch();
        batch.StartStep(1, booth, Operator, T0.AddMinutes(1));
        var dispensed = new List<(string, string, decimal, DateOnly?, TypedWeight?, ScaleWeighing?)>();
        var step = Render<ExecutionStep>(ps => ps
            .Add(p => p.Step, batch.FindStep(1)!)
            .Add(p => p.CanAct, true)
            .Add(p => p.IsNext, true)
            .Add(p => p.ScaleReading, 5.013m)
            .Add(p => p.OnDispense, d => dispensed.Add(d)));
        Assert.Contains("4.95 kg – 5.05 kg", step.Find("tr[data-material='API-PARA']").TextContent);

        step.Find("button[data-action='dispense']").Click();
        var missingLot = step.Find("tr[data-material='API-PARA'] .validation-message").TextContent;
        step.Find("input[aria-label='Lot of API-PARA']").Change("PARA-24-0117");
        step.Find("button[data-action='use-scale']").Click();
        step.Find("button[data-action='dispense']").Click();

        Assert.Contains("Scan or type the lot", missingLot);
        Assert.Equal([("API-PARA", "PARA-24-0117", 5.013m, (DateOnly?)null, (TypedWeight?)null, (ScaleWeighing?)new ScaleWeighing(5.013m, 0m, false))], dispensed);
    }

    [Fact]
    public void ThePerformerIsNotOfferedTheVerificationOfTheirOwnStep()
    {
        var batch = DispensingPerformed();

        var asPerformer = Render<ExecutionStep>(ps => ps.Add(p => p.Step, batch.FindStep(1)!).Add(p => p.CanAct, true).Add(p => p.IsNext, true)
            .Add(p => p.CurrentUserId, Operator.Id));
        var asColleague = Render<ExecutionStep>(ps => ps.Add(p => p.Step, batch.FindStep(1)!).Add(p => p.CanAct, true).Add(p => p.IsNext, true)
            .Add(p => p.CurrentUserId, Guid.CreateVersion7()));

        Assert.Empty(asPerformer.FindAll("button[data-action='verify-step']"));
        Assert.NotNull(asPerformer.Find("[data-verify-blocked]"));
        Assert.Single(asColleague.FindAll("button[data-action='verify-step']"));
    }

    [Fact]
    public void ACorrectionNeedsAReasonAndNamesTheEntryItSupersedes()
    {
        var batch = DryingInProgress();
        var recorded = batch.RecordValue(2, "Inlet air temperature", 66, Operator, T0.AddMinutes(6));
        var corrections = new List<(int, double, string)>();
        var step = Render<ExecutionStep>(ps => ps
            .Add(p => p.Step, batch.FindStep(2)!)
            .Add(p => p.CanAct, true)
            .Add(p => p.IsNext, true)
            .Add(p => p.OnCorrect, c => corrections.Add(c)));

        step.Find("[data-action='start-correction']").Click();
        step.Find("#correct-value").Change("61");
        step.Find("[data-action='correct']").Click();
        var withoutReason = step.Find("tr[data-correction] .validation-message").TextContent;
        step.Find("#correct-reason").Change("Typed 66 for 61 read on the display");
        step.Find("[data-action='correct']").Click();

        Assert.Contains("reason", withoutReason);
        Assert.Equal([(recorded.Sequence, 61.0, "Typed 66 for 61 read on the display")], corrections);
    }

    [Fact]
    public void AScannedGs1LabelGivesItsLotAndExpiryAndACommaTerminalReadsItsQuantity()
    {
        var (batch, booth) = RunningBatch();
        batch.StartStep(1, booth, Operator, T0.AddMinutes(1));
        var dispensed = new List<(string Material, string Lot, decimal Amount, DateOnly? Expiry, TypedWeight? Typed, ScaleWeighing? Scale)>();
        var step = Render<ExecutionStep>(ps => ps
            .Add(p => p.Step, batch.FindStep(1)!)
            .Add(p => p.CanAct, true)
            .Add(p => p.IsNext, true)
            .Add(p => p.ScaleReading, 5.013m)
            .AddCascadingValue(PharmaMes.Web.ShopFloor.NumberFormat.Comma)
            .Add(p => p.OnDispense, d => dispensed.Add(d)));
        Assert.Contains("4,95 kg – 5,05 kg", step.Find("tr[data-material='API-PARA']").TextContent);
        Assert.Contains("5,013", step.Find("button[data-action='use-scale']").TextContent);

        step.Find("input[aria-label='Lot of API-PARA']").Change("]C1010950600013435317271231" + "10PARA-24-0117");
        step.Find("input[aria-label='Quantity of API-PARA']").Change("5,02");
        step.Find("button[data-action='dispense']").Click();
        var badCheckDigit = step.Find("tr[data-material='API-PARA'] .validation-message").TextContent;
        step.Find("input[aria-label='Lot of API-PARA']").Change("(01)09506000134352(10)PARA-24-0117(17)271231");
        step.Find("button[data-action='dispense']").Click();

        Assert.Contains("check digit", badCheckDigit);
        Assert.Equal([("API-PARA", "PARA-24-0117", 5.02m, (DateOnly?)new DateOnly(2027, 12, 31), (TypedWeight?)new TypedWeight(null), (ScaleWeighing?)null)], dispensed);
        JSInterop.VerifyInvoke("mesShopFloor.focusFirstEmpty");
    }

    [Fact]
    public void OnABoothWithAScaleATypedWeightNeedsItsReasonAndTheScaleReadingNone()
    {
        var (batch, booth) = RunningBatch();
        batch.StartStep(1, booth, Operator, T0.AddMinutes(1));
        var dispensed = new List<(string Material, string Lot, decimal Amount, DateOnly? Expiry, TypedWeight? Typed, ScaleWeighing? Scale)>();
        var step = Render<ExecutionStep>(ps => ps
            .Add(p => p.Step, batch.FindStep(1)!)
            .Add(p => p.CanAct, true)
            .Add(p => p.IsNext, true)
            .Add(p => p.HasScale, true)
            .Add(p => p.ScaleReading, 5.013m)
            .Add(p => p.OnDispense, d => dispensed.Add(d)));

        step.Find("input[aria-label='Lot of API-PARA']").Change("PARA-24-0117");
        step.Find("input[aria-label='Quantity of API-PARA']").Change("5.02");
        step.Find("button[data-action='dispense']").Click();
        var refused = step.Find("tr[data-material='API-PARA'] .validation-message").TextContent;
        step.Find("#typed-0").Change("Weighed on reference balance RB-2");
        step.Find("button[data-action='dispense']").Click();
        step.Find("button[data-action='use-scale']").Click();
        var fromScale = step.FindAll("[data-weighing=scale]").Count;
        step.Find("button[data-action='dispense']").Click();

        Assert.Contains("This booth has a scale", refused);
        Assert.Equal(1, fromScale);
        Assert.Equal([("API-PARA", "PARA-24-0117", 5.02m, null, new TypedWeight("Weighed on reference balance RB-2"), null),
            ("API-PARA", "PARA-24-0117", 5.013m, null, null, new ScaleWeighing(5.013m, 0m, false))], dispensed);
    }

    /// <summary>A running batch whose one step dries on FBD-01, its inlet air temperature captured as the mean over the step.</summary>
    private static Batch CapturedDryingInProgress()
    {
        var recipe = MasterRecipe.Create(new MaterialCode("FG-TEST"), "Test tablets", new Quantity(100m, "kg"), Guid.CreateVersion7(), "author", T0.AddDays(-1));
        recipe.AddStep("Drying", "Dry it.", EquipmentClass.FluidBedDryer);
        recipe.AddParameter(1, "Inlet air temperature", new UnitOfMeasure("°C"), 60, new ValueRange(55, 65));
        recipe.CaptureParameter(1, "Inlet air temperature", new TagName("inlet_air_temperature"), CaptureMode.StepMean);
        recipe.Approve(Guid.CreateVersion7(), T0.AddDays(-1));
        var order = ProductionOrder.Plan(new OrderNumber("PO-1"), new MaterialCode("FG-TEST"), new Quantity(100m, "kg"), new DateOnly(2026, 12, 1), 3, T0.AddDays(-1));
        order.Release(T0.AddDays(-1));
        var batch = Batch.Create(order, recipe, new BatchNumber("B-1"), new Quantity(100m, "kg"), Operator, T0);
        batch.Start(Operator, T0);
        var line = new Site(new PlantCode("S"), "Site").AddArea(new PlantCode("A"), "Area").AddLine(new PlantCode("L"), "Line");
        var dryer = line.AddEquipment(new PlantCode("FBD-01"), "Fluid-bed dryer 1", EquipmentClass.FluidBedDryer, T0.AddDays(-30));
        dryer.RecordCalibration(DateOnly.FromDateTime(T0.UtcDateTime).AddMonths(-1), DateOnly.FromDateTime(T0.UtcDateTime).AddMonths(5));
        dryer.ChangeState(EquipmentState.Idle, T0.AddDays(-1));
        dryer.AcceptCleaning(CleaningMethod.Major, T0.AddHours(-1), T0.AddHours(-1));
        batch.StartStep(1, dryer, Operator, T0.AddMinutes(1));
        return batch;
    }

    [Fact]
    public void ACapturedParameterSaysWhereItComesFromAndIsCapturedWithOneTap()
    {
        var batch = CapturedDryingInProgress();
        var captured = new List<string>();
        var typed = new List<(string, double)>();
        var step = Render<ExecutionStep>(ps => ps
            .Add(p => p.Step, batch.FindStep(1)!)
            .Add(p => p.CanAct, true)
            .Add(p => p.IsNext, true)
            .Add(p => p.OnCapture, name => captured.Add(name))
            .Add(p => p.OnRecordValue, entry => typed.Add(entry)));

        var row = step.Find("tr[data-value='Inlet air temperature']");
        Assert.Contains("From FBD-01 inlet_air_temperature, mean over the step", row.QuerySelector("[data-capture-source]")!.TextContent);
        Assert.Empty(row.QuerySelectorAll("input"));
        step.Find("tr[data-value='Inlet air temperature'] button[data-action='capture']").Click();

        Assert.Equal(["Inlet air temperature"], captured);
        Assert.Empty(typed);
    }

    [Fact]
    public void TypingACapturedParameterInsteadNeedsItsReason()
    {
        var batch = CapturedDryingInProgress();
        var typed = new List<(string Name, double Value, string Reason)>();
        var step = Render<ExecutionStep>(ps => ps
            .Add(p => p.Step, batch.FindStep(1)!)
            .Add(p => p.CanAct, true)
            .Add(p => p.IsNext, true)
            .Add(p => p.OnTypeCaptured, entry => typed.Add(entry)));

        step.Find("tr[data-value='Inlet air temperature'] button[data-action='type-instead']").Click();
        step.Find("tr[data-value='Inlet air temperature'] input[aria-label='Inlet air temperature']").Change("60.2");
        step.Find("tr[data-value='Inlet air temperature'] button[data-action='record']").Click();
        var refused = step.Find("tr[data-value='Inlet air temperature'] .validation-message").TextContent;
        step.Find("tr[data-value='Inlet air temperature'] input[data-override]").Change("Dryer panel offline");
        step.Find("tr[data-value='Inlet air temperature'] input[aria-label='Inlet air temperature']").Change("60.2");
        step.Find("tr[data-value='Inlet air temperature'] button[data-action='record']").Click();

        Assert.Contains("Give the reason for typing", refused);
        Assert.Equal([("Inlet air temperature", 60.2, "Dryer panel offline")], typed);
        // Back to capturing once typed: the next reading comes from the equipment again.
        Assert.NotEmpty(step.FindAll("tr[data-value='Inlet air temperature'] button[data-action='capture']"));
    }

    [Fact]
    public void TheContainerIsTaredAndTheNetOfAStableReadingIsDispensedWithGrossAndTare()
    {
        var (batch, booth) = RunningBatch();
        batch.StartStep(1, booth, Operator, T0.AddMinutes(1));
        var dispensed = new List<(string Material, string Lot, decimal Amount, DateOnly? Expiry, TypedWeight? Typed, ScaleWeighing? Scale)>();
        var step = Render<ExecutionStep>(ps => ps
            .Add(p => p.Step, batch.FindStep(1)!)
            .Add(p => p.CanAct, true)
            .Add(p => p.IsNext, true)
            .Add(p => p.HasScale, true)
            .Add(p => p.ScaleReading, 0.250m)
            .Add(p => p.ScaleStable, true)
            .Add(p => p.OnDispense, d => dispensed.Add(d)));

        step.Find("button[data-action='tare']").Click();
        step.Render(ps => ps.Add(p => p.ScaleReading, 5.263m));
        var net = step.Find("button[data-action='use-scale']").TextContent;
        step.Find("button[data-action='use-scale']").Click();
        step.Find("input[aria-label='Lot of API-PARA']").Change("PARA-24-0117");
        var shown = step.Find("[data-weighing=scale]").TextContent;
        step.Find("button[data-action='dispense']").Click();

        Assert.Contains("5.013 kg", net);
        Assert.Contains("gross 5.263 − tare 0.25 = net 5.013 kg, stable", shown);
        Assert.Equal([("API-PARA", "PARA-24-0117", 5.013m, null, null, new ScaleWeighing(5.263m, 0.250m, true))], dispensed);
    }
}

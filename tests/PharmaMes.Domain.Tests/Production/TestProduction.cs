using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Signatures;
using PharmaMes.Domain.Tests.Plant;
using PharmaMes.Domain.Tests.Recipes;

namespace PharmaMes.Domain.Tests.Production;

/// <summary>
/// Builds orders, batches, fit equipment, released lots and signatures for the production tests.
/// The batch is B-2026-0042: 200 kg of <see cref="TestRecipes.Approved"/> (twice the standard batch),
/// created at <see cref="T0"/>; every later time is <see cref="At"/> minutes after it.
/// </summary>
internal static class TestProduction
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int minutes) => T0.AddMinutes(minutes);

    public static readonly Person Planner = new(new Guid("0190b000-0000-7000-8000-000000000001"), "Paul Planner");
    public static readonly Person Operator = new(new Guid("0190b000-0000-7000-8000-000000000002"), "Olga Operator");
    public static readonly Person Verifier = new(new Guid("0190b000-0000-7000-8000-000000000003"), "Victor Verifier");
    public static readonly Person Qa = new(new Guid("0190b000-0000-7000-8000-000000000004"), "Quinn QA");

    public static readonly BatchNumber BatchNo = new("B-2026-0042");
    public static readonly OrderNumber OrderNo = new("PO-2026-0001");
    public static readonly DateOnly DueDate = new(2026, 12, 15);

    public static readonly Material Paracetamol =
        new(TestRecipes.Paracetamol, "Paracetamol", MaterialType.RawMaterial, TestRecipes.Kg, 100, 20);
    public static readonly Material Cellulose =
        new(TestRecipes.Cellulose, "Microcrystalline cellulose", MaterialType.Excipient, TestRecipes.Kg, 100, 20);

    public static readonly DateOnly LotExpiry = new(2027, 11, 30);

    public static Quantity KgOf(decimal amount) => TestRecipes.KgOf(amount);

    public static ProductionOrder PlannedOrder() =>
        ProductionOrder.Plan(OrderNo, TestRecipes.Product, KgOf(400), DueDate, 5, T0.AddDays(-2));

    public static ProductionOrder ReleasedOrder()
    {
        var order = PlannedOrder();
        order.Release(T0.AddDays(-1));
        return order;
    }

    public static Batch NewBatch(decimal plannedKg = 200) =>
        Batch.Create(ReleasedOrder(), TestRecipes.Approved(), BatchNo, KgOf(plannedKg), Planner, T0);

    public static Batch Running()
    {
        var batch = NewBatch();
        batch.Start(Operator, At(1));
        return batch;
    }

    /// <summary>Idle, clean and calibrated equipment of the class, usable throughout December 2026.</summary>
    public static Equipment Fit(EquipmentClass equipmentClass, string code)
    {
        var equipment = TestPlant.NewLine().AddEquipment(new PlantCode(code), $"{equipmentClass} {code}", equipmentClass, TestPlant.Commissioned);
        equipment.ChangeState(EquipmentState.Idle, TestPlant.Commissioned.AddMinutes(1));
        equipment.MarkCleaned(T0.AddHours(-1), TimeSpan.FromDays(30));
        equipment.RecordCalibration(new DateOnly(2026, 11, 1), new DateOnly(2027, 11, 1));
        return equipment;
    }

    public static Equipment Booth() => Fit(EquipmentClass.DispensingBooth, "BOOTH-1");
    public static Equipment Granulator() => Fit(EquipmentClass.HighShearGranulator, "GRAN-01");
    public static Equipment Press() => Fit(EquipmentClass.TabletPress, "PRESS-01");

    public static MaterialLot ReleasedLot(Material material, string number = "L-2026-001")
    {
        var lot = MaterialLot.Receive(new LotNumber(number), material, LotExpiry, T0.AddDays(-7));
        lot.Release(T0.AddDays(-6));
        return lot;
    }

    /// <summary>Step 1 Dispensing, within tolerance, performed by the operator and verified by the verifier.</summary>
    public static void DoDispensing(Batch batch)
    {
        batch.StartStep(1, Booth(), Operator, At(10));
        batch.RecordDispense(1, TestRecipes.Paracetamol, Paracetamol, ReleasedLot(Paracetamol, "L-PARA-01"), KgOf(100), Operator, At(11));
        batch.RecordDispense(1, TestRecipes.Cellulose, Cellulose, ReleasedLot(Cellulose, "L-MCC-01"), KgOf(90), Operator, At(12));
        batch.CompleteStep(1, Operator, At(13));
        batch.VerifyStep(1, Verifier, At(14));
    }

    /// <summary>Step 2 Granulation, values within limits, performed by the operator.</summary>
    public static void DoGranulation(Batch batch)
    {
        batch.StartStep(2, Granulator(), Operator, At(20));
        batch.RecordValue(2, "Impeller speed", 300, Operator, At(21));
        batch.RecordValue(2, "Granule moisture", 2, Operator, At(22));
        batch.CompleteStep(2, Operator, At(23));
    }

    /// <summary>Step 3 Compression, values within limits, performed by the operator.</summary>
    public static void DoCompression(Batch batch)
    {
        batch.StartStep(3, Press(), Operator, At(30));
        batch.RecordValue(3, "Main compression force", 12, Operator, At(31));
        batch.RecordValue(3, "Tablet hardness", 100, Operator, At(32));
        batch.CompleteStep(3, Operator, At(33));
    }

    public static Batch Completed()
    {
        var batch = Running();
        DoDispensing(batch);
        DoGranulation(batch);
        DoCompression(batch);
        batch.Complete(Operator, At(40));
        return batch;
    }

    public static Batch Aborted()
    {
        var batch = Running();
        batch.Abort("Granulator failure", Operator, At(5));
        return batch;
    }

    public static ElectronicSignature Sign(Person signer, SignatureMeaning meaning, string subjectType, Guid subjectId, SignedContent content, DateTimeOffset at) =>
        new(signer.Id, signer.Name.Split(' ')[0].ToLowerInvariant(), signer.Name, meaning, at, subjectType, subjectId, content);

    public static ElectronicSignature DispositionSignature(Batch batch, SignatureMeaning meaning, Person? by = null) =>
        Sign(by ?? Qa, meaning, nameof(Batch), batch.Id, batch.Content(), At(100));

    public static ElectronicSignature StepSignature(Batch batch, int stepNumber, SignatureMeaning meaning, Person by) =>
        Sign(by, meaning, nameof(BatchStep), batch.FindStep(stepNumber)!.Id, batch.StepContent(stepNumber, meaning), At(50));
}

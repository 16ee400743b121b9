using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Recipes;
using PharmaMes.Domain.Tests.Recipes;
using static PharmaMes.Domain.Tests.Production.TestProduction;

namespace PharmaMes.Domain.Tests.Production;

/// <summary>Process parameters the recipe captures from the telemetry of the step's equipment.</summary>
public class CapturedValues
{
    private static readonly TagName Force = new("compression_force");

    /// <summary>Step 3 Compression in progress on PRESS-01, its force captured as the mean over the step.</summary>
    private static Batch Compressing(CaptureMode mode = CaptureMode.StepMean)
    {
        var recipe = TestRecipes.Draft();
        recipe.CaptureParameter(3, "Main compression force", Force, mode);
        recipe.Approve(TestRecipes.ApproverId, TestRecipes.ApprovedAt);
        var batch = Batch.Create(ReleasedOrder(), recipe, BatchNo, KgOf(200), Planner, T0);
        batch.Start(Operator, At(1));
        DoDispensing(batch);
        DoGranulation(batch);
        batch.StartStep(3, Press(), Operator, At(30));
        return batch;
    }

    private static CapturedReading Mean(double value, CaptureMode mode = CaptureMode.StepMean) =>
        new(new PlantCode("PRESS-01"), Force, mode, value, At(30), At(39), 540);

    [Fact]
    public void TheBatchCopiesWhereARecipeParameterIsCapturedFrom()
    {
        var value = Compressing().FindStep(3)!.FindValue("Main compression force")!;

        Assert.True(value.IsCaptured);
        Assert.Equal(Force, value.CaptureTag);
        Assert.Equal(CaptureMode.StepMean, value.CaptureMode);
        Assert.False(Compressing().FindStep(3)!.FindValue("Tablet hardness")!.IsCaptured);
    }

    [Fact]
    public void ACapturedValueIsRecordedWithItsTagTheTimeOfItsReadingsAndItsResult()
    {
        var batch = Compressing();

        var entry = batch.CaptureValue(3, "Main compression force", Mean(12.37), Operator, At(40));

        Assert.Equal(BatchRecordEntryKind.ValueCaptured, entry.Kind);
        Assert.Equal(12.37, entry.Value);
        Assert.Equal(Force, entry.CapturedTag);
        Assert.Equal(At(30), entry.CapturedFrom);
        Assert.Equal(At(39), entry.CapturedTo);
        Assert.Equal(EntryResult.WithinLimits, entry.Result);
        Assert.Equal("Captured from PRESS-01 compression_force: mean of 540 readings 2026-12-01 08:30:00 – 08:39:00 UTC.", entry.Text);
        Assert.Equal(12.37, batch.FindStep(3)!.FindValue("Main compression force")!.LastValue);
    }

    [Fact]
    public void ACapturedValueOutsideItsLimitsIsFlaggedLikeATypedOne()
    {
        var entry = Compressing().CaptureValue(3, "Main compression force", Mean(14.2), Operator, At(40));

        Assert.Equal(EntryResult.OutOfLimits, entry.Result);
    }

    [Fact]
    public void TypingACapturedValueNeedsAReasonWhichTheRecordKeeps()
    {
        var batch = Compressing();

        var refused = Assert.Throws<DomainException>(() => batch.RecordValue(3, "Main compression force", 12.1, Operator, At(40)));
        var entry = batch.RecordValue(3, "Main compression force", 12.1, "Press PLC offline since 08:20", Operator, At(41));

        Assert.Contains("capture it, or give a reason", refused.Message);
        Assert.Equal(BatchRecordEntryKind.ValueRecorded, entry.Kind);
        Assert.Equal("Typed instead of captured: Press PLC offline since 08:20", entry.Text);
        Assert.Null(entry.CapturedTag);
    }

    [Fact]
    public void AValueIsCapturedOnlyFromTheTagAndEquipmentItsRecipeNames()
    {
        var batch = Compressing();
        var otherTag = new CapturedReading(new PlantCode("PRESS-01"), new TagName("speed"), CaptureMode.StepMean, 12, At(30), At(39), 10);
        var otherPress = new CapturedReading(new PlantCode("PRESS-02"), Force, CaptureMode.StepMean, 12, At(30), At(39), 10);
        var otherMode = Mean(12, CaptureMode.StepMaximum);

        Assert.Throws<DomainException>(() => batch.CaptureValue(3, "Main compression force", otherTag, Operator, At(40)));
        Assert.Throws<DomainException>(() => batch.CaptureValue(3, "Main compression force", otherPress, Operator, At(40)));
        Assert.Throws<DomainException>(() => batch.CaptureValue(3, "Main compression force", otherMode, Operator, At(40)));
        var typed = Assert.Throws<DomainException>(() => batch.CaptureValue(3, "Tablet hardness", Mean(100), Operator, At(40)));
        Assert.Contains("not captured", typed.Message);
    }

    [Fact]
    public void ReadingsFromAfterTheMomentOfRecordingAreRefused()
    {
        var batch = Compressing(CaptureMode.AtRecording);
        var future = new CapturedReading(new PlantCode("PRESS-01"), Force, CaptureMode.AtRecording, 12, At(45), At(45), 1);

        Assert.Throws<DomainException>(() => batch.CaptureValue(3, "Main compression force", future, Operator, At(40)));
    }

    [Fact]
    public void ACapturedValueCanBeCorrectedWithAReason()
    {
        var batch = Compressing();
        var captured = batch.CaptureValue(3, "Main compression force", Mean(12.37), Operator, At(40));

        var correction = batch.CorrectValue(captured, 12.5, "Load cell drift found at calibration", Operator, At(41));

        Assert.Equal(captured.Sequence, correction.CorrectsSequence);
        Assert.Equal(12.5, batch.FindStep(3)!.FindValue("Main compression force")!.LastValue);
    }
}

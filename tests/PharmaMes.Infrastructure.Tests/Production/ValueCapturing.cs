using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Recipes;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Infrastructure.Recipes;
using PharmaMes.Infrastructure.Telemetry;
using static PharmaMes.Infrastructure.Tests.Production.TestBatches;

namespace PharmaMes.Infrastructure.Tests.Production;

/// <summary>Process parameters captured from the stored telemetry of the equipment running the step, on a real database.</summary>
public class ValueCapturing
{
    private const string Product = "FG-CAPT";

    /// <summary>A drying step on FBD-01: inlet air temperature at the moment of recording, air flow as the mean over the step.</summary>
    private static void CapturedDrying(MasterRecipe recipe)
    {
        recipe.AddStep("Drying", "Dry the granulate.", EquipmentClass.FluidBedDryer);
        recipe.AddParameter(1, "Inlet air temperature", new UnitOfMeasure("°C"), 60, new ValueRange(55, 65));
        recipe.CaptureParameter(1, "Inlet air temperature", new TagName("inlet_air_temperature"), CaptureMode.AtRecording);
        recipe.AddParameter(1, "Process air flow", new UnitOfMeasure("m³/h"), 1000, new ValueRange(800, 1200));
        recipe.CaptureParameter(1, "Process air flow", new TagName("air_flow"), CaptureMode.StepMean);
    }

    /// <summary>The batch with its drying step started on FBD-01; returns the batch number and when the step started.</summary>
    private static async Task<(string Number, DateTimeOffset Started)> DryingAsync(MesTestHost host)
    {
        await ShopFloorSetup.EnsureApprovedRecipeAsync(host.Services, Product, "Captured granulate", 1_000m, CapturedDrying);
        await ShopFloorSetup.EnsureCleanAsync(host.Services, "FBD-01", MesTestHost.DemoPassword);
        var number = await ShopFloorSetup.NewBatchAsync(host.Services, Product, 1_000m);
        var operatorUser = await PersonAsync(host, "operator");
        var execution = host.Get<BatchExecutionService>();
        await execution.StartAsync(number, operatorUser);
        await execution.StartStepAsync(number, 1, "FBD-01", operatorUser);
        await using var db = host.NewContext();
        var batch = await db.Batches.AsNoTracking().WithSteps().SingleAsync(b => b.Number == new BatchNumber(number));
        return (number, batch.FindStep(1)!.StartedAt!.Value);
    }

    /// <summary>Readings FBD-01 reported, stored as the ingest stores them.</summary>
    private static async Task ReportAsync(MesTestHost host, string tag, params (DateTimeOffset At, double Value)[] readings)
    {
        var channel = (await host.Get<PlantDirectory>().GetAsync(CancellationToken.None)).ByCode["FBD-01"].Channels[tag];
        await using var db = host.NewContext();
        db.TelemetrySamples.AddRange(readings.Select(r => new TelemetrySample { ChannelId = channel, Time = r.At, Value = r.Value }));
        await db.SaveChangesAsync();
    }

    /// <summary>Waits until the clock has passed <paramref name="moment"/>, so that readings there lie before the recording.</summary>
    private static async Task PassAsync(DateTimeOffset moment)
    {
        while (DateTimeOffset.UtcNow <= moment)
            await Task.Delay(5);
    }

    [Fact]
    public async Task ACapturedTemperatureEqualsTheTelemetrySampleAtThatTime()
    {
        await using var host = await MesTestHost.StartAsync();
        var (number, started) = await DryingAsync(host);
        var latest = started.AddMilliseconds(20);
        await ReportAsync(host, "inlet_air_temperature", (started.AddMilliseconds(10), 59.2), (latest, 60.4));
        await PassAsync(latest);

        var outcome = await host.Get<BatchExecutionService>().CaptureValueAsync(number, 1, "Inlet air temperature", await PersonAsync(host, "operator"));

        await using var db = host.NewContext();
        var batch = await db.Batches.AsNoTracking().SingleAsync(b => b.Number == new BatchNumber(number));
        var entry = await db.BatchRecordEntries.AsNoTracking().SingleAsync(e => e.BatchId == batch.Id && e.Sequence == outcome.EntrySequence);
        Assert.Equal(BatchRecordEntryKind.ValueCaptured, entry.Kind);
        Assert.Equal(60.4, entry.Value);
        Assert.Equal(new TagName("inlet_air_temperature"), entry.CapturedTag);
        Assert.Equal(latest, entry.CapturedFrom);
        Assert.Equal(latest, entry.CapturedTo);
        Assert.Equal("WithinLimits", outcome.Result);
        Assert.Contains("captured", outcome.Message);
    }

    [Fact]
    public async Task AStepMeanIsTheMeanOfTheReadingsSinceTheStepStartedOnly()
    {
        await using var host = await MesTestHost.StartAsync();
        var (number, started) = await DryingAsync(host);
        // A reading before the step belongs to whatever ran before it.
        await ReportAsync(host, "air_flow", (started.AddSeconds(-1), 5_000), (started.AddMilliseconds(5), 900), (started.AddMilliseconds(10), 1_000),
            (started.AddMilliseconds(15), 1_100));
        await PassAsync(started.AddMilliseconds(15));

        await host.Get<BatchExecutionService>().CaptureValueAsync(number, 1, "Process air flow", await PersonAsync(host, "operator"));

        await using var db = host.NewContext();
        var batch = await db.Batches.AsNoTracking().SingleAsync(b => b.Number == new BatchNumber(number));
        var entry = await db.BatchRecordEntries.AsNoTracking().Where(e => e.BatchId == batch.Id).OrderBy(e => e.Sequence).LastAsync();
        Assert.Equal(1_000, entry.Value!.Value, 6);
        Assert.Equal(started.AddMilliseconds(5), entry.CapturedFrom);
        Assert.Equal(started.AddMilliseconds(15), entry.CapturedTo);
        Assert.Contains("mean of 3 readings", entry.Text);
    }

    [Fact]
    public async Task ASilentDeviceIsSaidPlainlyAndTheValueIsTypedWithAReasonInstead()
    {
        await using var host = await MesTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Capture:MaxReadingAgeSeconds"] = "1" });
        var (number, started) = await DryingAsync(host);
        await ReportAsync(host, "inlet_air_temperature", (started.AddMilliseconds(1), 60.1));
        await PassAsync(started.AddSeconds(1.5));
        var execution = host.Get<BatchExecutionService>();
        var operatorUser = await PersonAsync(host, "operator");

        var stale = await Assert.ThrowsAsync<DomainException>(() => execution.CaptureValueAsync(number, 1, "Inlet air temperature", operatorUser));
        var noReason = await Assert.ThrowsAsync<DomainException>(() => execution.RecordValueAsync(number, 1, "Inlet air temperature", 60.3, operatorUser));
        var typed = await execution.RecordValueAsync(number, 1, "Inlet air temperature", 60.3, "Dryer panel offline; read from the local display", operatorUser);

        Assert.Contains("more than 1 s ago", stale.Message);
        Assert.Contains("give a reason", noReason.Message);
        await using var db = host.NewContext();
        var batch = await db.Batches.AsNoTracking().SingleAsync(b => b.Number == new BatchNumber(number));
        var entry = await db.BatchRecordEntries.AsNoTracking().SingleAsync(e => e.BatchId == batch.Id && e.Sequence == typed.EntrySequence);
        Assert.Equal(BatchRecordEntryKind.ValueRecorded, entry.Kind);
        Assert.Equal("Typed instead of captured: Dryer panel offline; read from the local display", entry.Text);
    }

    [Fact]
    public async Task NoReadingSinceTheStepStartedMeansNothingToCapture()
    {
        await using var host = await MesTestHost.StartAsync();
        var (number, started) = await DryingAsync(host);
        await ReportAsync(host, "air_flow", (started.AddMinutes(-5), 1_000));

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            host.Get<BatchExecutionService>().CaptureValueAsync(number, 1, "Process air flow", PersonAsync(host, "operator").Result));

        Assert.Contains("has reported no air_flow since Step 1 Drying started", refused.Message);
    }

    [Fact]
    public async Task ARecipeCanCaptureOnlyATagThatEquipmentOfTheStepsClassReportsInTheParametersUnit()
    {
        await using var host = await MesTestHost.StartAsync();
        var recipes = host.Get<RecipeService>();
        var supervisor = await PersonAsync(host, "supervisor");
        var id = await recipes.CreateDraftAsync(new NewRecipe("INT-CORE", "Paracetamol 500 mg tablet cores", 300_000), supervisor);
        await recipes.AddStepAsync(id, new RecipeStepInput("Drying", "Dry.", EquipmentClass.FluidBedDryer, false), supervisor);

        var unknown = await Assert.ThrowsAsync<DomainException>(() => recipes.AddParameterAsync(id, 1,
            new ProcessParameterInput("Inlet air temperature", "°C", 60, 55, 65, "no_such_tag", CaptureMode.AtRecording), supervisor));
        var wrongUnit = await Assert.ThrowsAsync<DomainException>(() => recipes.AddParameterAsync(id, 1,
            new ProcessParameterInput("Inlet air temperature", "K", 333, 328, 338, "inlet_air_temperature", CaptureMode.AtRecording), supervisor));
        await recipes.AddParameterAsync(id, 1, new ProcessParameterInput("Inlet air temperature", "°C", 60, 55, 65, "inlet_air_temperature", CaptureMode.StepMaximum), supervisor);

        Assert.Contains("No FluidBedDryer equipment reports the tag 'no_such_tag'", unknown.Message);
        Assert.Contains("must share a unit", wrongUnit.Message);
        var parameter = (await recipes.GetAsync(id))!.Recipe.FindStep(1)!.FindParameter("Inlet air temperature")!;
        Assert.Equal(new TagName("inlet_air_temperature"), parameter.CaptureTag);
        Assert.Equal(CaptureMode.StepMaximum, parameter.CaptureMode);
    }
}

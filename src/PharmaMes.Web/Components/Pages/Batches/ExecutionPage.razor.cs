using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Live;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Infrastructure.Signatures;

namespace PharmaMes.Web.Components.Pages.Batches;

/// <summary>
/// The operator's screen for one batch: the steps in order, the current step's instructions,
/// equipment, entries and dispensing, live values of its equipment, and the signatures. Every
/// action goes through <see cref="BatchExecutionService"/>; the page shows what it recorded.
/// </summary>
public partial class ExecutionPage
{
    [Parameter] public string Number { get; set; } = "";
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private BatchExecutionService Execution { get; set; } = default!;
    [Inject] private BatchReviewService Review { get; set; } = default!;
    [Inject] private PlantDirectory Plant { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    /// <summary>How this terminal writes numbers (the step's entries are read in it).</summary>
    [CascadingParameter] private ShopFloor.NumberFormat Format { get; set; } = ShopFloor.NumberFormat.Point;

    private BatchRecordView? record;
    private PlantDirectory.Snapshot? plant;
    private bool notFound;
    private int selected;
    private IReadOnlyList<EquipmentChoice> choices = [];
    private Guid? currentUserId;
    private bool busy;
    private string? message;
    private bool messageIsError;
    private bool warning;
    private string? asking;
    private string? reason;
    private string? reasonError;
    private (SignatureMeaning Meaning, string What, Func<SignatureCredentials, Task> Sign)? signing;
    private long? lineCount;
    private string? made;
    private string? madeError;

    private BatchStep? SelectedStep => record?.Batch.FindStep(selected);

    protected override void OnInitialized()
    {
        base.OnInitialized();
        Follow<CommittedChanges>(Concerns);
    }

    private bool batchStale;
    private bool choicesStale;

    /// <summary>
    /// Maintenance cleaned or calibrated a unit the operator is choosing from: the choice updates. The batch moved on
    /// another terminal or node (started, held, a step verified by a second person): the page follows. Either at the next
    /// refresh, never under an open signature dialog or a running action (<see cref="CanRefresh"/>).
    /// </summary>
    private bool Concerns(CommittedChanges changes)
    {
        if (changes.BatchesChanged.Contains(Number))
            batchStale = true;
        if (choices.Any(c => changes.EquipmentChanged.Contains(c.Code)))
            choicesStale = true;
        return batchStale || choicesStale;
    }

    protected override bool CanRefresh => signing is null && !busy;

    protected override async Task OnLiveChangeAsync()
    {
        // Reading the batch again reads the equipment choices too.
        if (batchStale)
        {
            batchStale = choicesStale = false;
            await ReloadAsync();
        }
        else if (choicesStale)
        {
            choicesStale = false;
            await LoadChoicesAsync();
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        currentUserId = (await ActorAsync()).UserId;
        await ReloadAsync(selectCurrent: true);
    }

    /// <summary>Re-renders for live values of the selected step's equipment only.</summary>
    protected override bool Concerns(TelemetryUpdated update) => SelectedStep?.EquipmentCode?.Value == update.EquipmentCode;
    protected override bool Concerns(EquipmentStateChanged change) => SelectedStep?.EquipmentCode?.Value == change.EquipmentCode;

    private async Task ReloadAsync(bool selectCurrent = false)
    {
        record = await Review.GetRecordAsync(Number);
        plant = await Plant.GetAsync(CancellationToken.None);
        notFound = record is null;
        if (record is null)
            return;
        // The step to work on: the first one not done, else the last.
        if (selectCurrent || selected == 0)
            selected = record.Batch.Steps.FirstOrDefault(s => !s.IsDone)?.Number ?? record.Batch.Steps.LastOrDefault()?.Number ?? 0;
        lineCount = record.Batch.State == BatchState.Running && record.Batch.Steps.All(s => s.IsDone)
            ? await Execution.LineGoodCountAsync(Number)
            : null;
        await LoadChoicesAsync();
    }

    private async Task LoadChoicesAsync() =>
        choices = SelectedStep is { State: StepState.Pending, RequiredEquipmentClass: not null } ? await Execution.EquipmentChoicesAsync(Number, selected) : [];

    private async Task SelectAsync(int number)
    {
        selected = number;
        message = null;
        await LoadChoicesAsync();
    }

    /// <summary>The terminal's choice is a cookie set by the server: a full page load sets it and comes back here.</summary>
    private void SwitchNumberFormat() =>
        Navigation.NavigateTo($"/terminal/number-format/{(Format.DecimalSeparator == "," ? "en-US" : "de-DE")}?returnUrl={Uri.EscapeDataString($"/batches/{Number}/execute")}",
            forceLoad: true);

    private bool IsNext(BatchStep step) => record!.Batch.Steps.Where(s => s.Number < step.Number).All(s => s.IsDone);

    /// <summary>The live scale weight of the dispensing booth the step runs on: its tag with the ScaleWeight role.</summary>
    private decimal? ScaleReading(BatchStep step) =>
        step.EquipmentCode is { } code
        && plant?.ByCode.GetValueOrDefault(code.Value)?.Tags.Values.FirstOrDefault(t => t.Role == TagRole.ScaleWeight) is { } scale
        && Live.Find(code.Value)?.Latest() is { } latest && latest.TryGetValue(scale.Name.Value, out var weight)
            ? Math.Round((decimal)weight.Value, 3)
            : null;

    /// <summary>Whether the booth's scale reading has settled over the last seconds.</summary>
    private bool ScaleStable(BatchStep step) =>
        step.EquipmentCode is { } code
        && plant?.ByCode.GetValueOrDefault(code.Value)?.Tags.Values.FirstOrDefault(t => t.Role == TagRole.ScaleWeight) is { } scale
        && Live.Find(code.Value) is { } live
        && ScaleStability.IsStable(live.Recent(scale.Name.Value).Select(r => (r.At, r.Value)), DateTimeOffset.UtcNow);

    private async Task<AuditActor> ActorAsync() => AuditActor.Of((await AuthenticationState).User);

    private Task StartBatchAsync() => RunAsync(async actor => { await Execution.StartAsync(Number, actor); return "Batch started."; }, selectCurrent: true);
    private Task ResumeAsync() => RunAsync(async actor => { await Execution.ResumeAsync(Number, actor); return "Batch resumed."; });
    private Task CompleteBatchAsync()
    {
        madeError = null;
        decimal? counted = null;
        if (!string.IsNullOrWhiteSpace(made))
        {
            if (!ShopFloor.NumberEntry.TryParse(made, Format, out var value, out var error))
            {
                madeError = error;
                return Task.CompletedTask;
            }
            counted = value;
        }
        else if (lineCount is null)
        {
            madeError = "Enter the good quantity made: the line reported no count for this batch.";
            return Task.CompletedTask;
        }
        return RunAsync(async actor =>
        {
            await Execution.CompleteAsync(Number, counted, actor);
            made = null;
            return "Batch completed: its lot is in Quarantine with the quantity made, and the batch waits for QA review.";
        });
    }

    private void Ask(string what)
    {
        asking = what;
        reason = null;
        reasonError = null;
        focusReason = true;
    }

    [Inject] private IJSRuntime JS { get; set; } = default!;
    private bool focusReason;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Hold or abort asked: the cursor waits in the reason field, so the next keys land there.
        if (focusReason && asking is not null)
        {
            focusReason = false;
            try
            {
                await JS.InvokeVoidAsync("mesShopFloor.focusFirstEmpty", "[data-section=batch-reason]");
            }
            catch (JSDisconnectedException)
            {
                // The terminal went away; nothing to focus.
            }
        }
    }

    /// <summary>The reason arrives whole on change (a scan or fast typing loses nothing), so it is checked here, not per keystroke.</summary>
    private Task ConfirmAsync()
    {
        var what = asking;
        var why = reason?.Trim() ?? "";
        if (why.Length == 0)
        {
            reasonError = what == "hold" ? "Say why the batch is held: the reason goes into the record." : "Say why the batch is aborted: the reason goes into the record.";
            return Task.CompletedTask;
        }
        reasonError = null;
        asking = null;
        return what == "hold"
            ? RunAsync(async actor => { await Execution.HoldAsync(Number, why, actor); return "Batch held."; })
            : RunAsync(async actor => { await Execution.AbortAsync(Number, why, actor); return "Batch aborted."; });
    }

    private Task StartStepAsync(string? equipment) =>
        RunAsync(async actor => { await Execution.StartStepAsync(Number, selected, equipment, actor); return $"Step {selected} started{(equipment is null ? "" : $" on {equipment}")}."; });

    private void SkipStep(string why)
    {
        var step = SelectedStep!;
        signing = (SignatureMeaning.Performed, $"Step {step.Number} {step.Name} of batch {Number} is skipped: {why}",
            credentials => RunAsync(async actor => Report(await Execution.SkipStepAsync(Number, step.Number, why, credentials, actor)),
                selectCurrent: true, rethrowSigning: true));
    }

    private Task RecordValueAsync((string Name, double Value) entry) =>
        RunAsync(async actor => Report(await Execution.RecordValueAsync(Number, selected, entry.Name, entry.Value, actor)));

    private Task ReturnMaterialAsync((int Step, string Material, decimal Amount) back) =>
        RunAsync(async actor => Report(await Execution.ReturnMaterialAsync(Number, back.Step, back.Material, back.Amount, actor)));

    private Task WasteMaterialAsync((int Step, string Material, decimal Amount, string Reason) waste) =>
        RunAsync(async actor => Report(await Execution.RecordWasteAsync(Number, waste.Step, waste.Material, waste.Amount, waste.Reason, actor)));

    private Task CaptureValueAsync(string name) =>
        RunAsync(async actor => Report(await Execution.CaptureValueAsync(Number, selected, name, actor)));

    private Task TypeCapturedValueAsync((string Name, double Value, string Reason) entry) =>
        RunAsync(async actor => Report(await Execution.RecordValueAsync(Number, selected, entry.Name, entry.Value, entry.Reason, actor)));

    private Task CorrectValueAsync((int Sequence, double Value, string Reason) correction) =>
        RunAsync(async actor => Report(await Execution.CorrectValueAsync(Number, correction.Sequence, correction.Value, correction.Reason, actor)));

    private Task DispenseAsync((string Material, string Lot, decimal Amount, DateOnly? LabelExpiry, TypedWeight? Typed, ScaleWeighing? Scale) dispense) =>
        RunAsync(async actor => Report(await Execution.DispenseAsync(Number, selected, dispense.Material, dispense.Lot, dispense.Amount, dispense.LabelExpiry,
            dispense.Typed, dispense.Scale, actor)));

    /// <summary>Whether the step's booth has a tag with the ScaleWeight role: typing a weight there needs a reason.</summary>
    private bool HasScale(BatchStep step) =>
        step.EquipmentCode is { } code
        && plant?.ByCode.GetValueOrDefault(code.Value)?.Tags.Values.Any(t => t.Role == TagRole.ScaleWeight) == true;

    private void CompleteStep()
    {
        var step = SelectedStep!;
        signing = (SignatureMeaning.Performed, $"Step {step.Number} {step.Name} of batch {Number}: I performed this step as recorded.",
            credentials => RunAsync(async actor => { await Execution.CompleteStepAsync(Number, step.Number, credentials, actor); return $"Step {step.Number} signed as performed."; },
                selectCurrent: true, rethrowSigning: true));
    }

    private void VerifyStep()
    {
        var step = SelectedStep!;
        signing = (SignatureMeaning.Verified, $"Step {step.Number} {step.Name} of batch {Number}, performed by {step.PerformedByName}: I verified it.",
            credentials => RunAsync(async actor => { await Execution.VerifyStepAsync(Number, step.Number, credentials, actor); return $"Step {step.Number} verified."; },
                selectCurrent: true, rethrowSigning: true));
    }

    private async Task SignAsync(SignatureCredentials credentials, string? comment)
    {
        if (signing is { } pending)
            await pending.Sign(credentials);
        signing = null;
    }

    private string Report(StepOutcome outcome)
    {
        warning = outcome.QualityExceptionNumber is not null;
        return outcome.Message;
    }

    /// <summary>
    /// Runs one action and shows its outcome. A refused signature is handed back to the signature
    /// dialog (which shows it beside the password); any other refusal is shown on the page.
    /// </summary>
    private async Task RunAsync(Func<AuditActor, Task<string>> action, bool selectCurrent = false, bool rethrowSigning = false)
    {
        busy = true;
        warning = false;
        try
        {
            message = await action(await ActorAsync());
            messageIsError = false;
        }
        catch (SignatureRefusedException) when (rethrowSigning)
        {
            throw;
        }
        catch (DomainException ex)
        {
            message = ex.Message;
            messageIsError = true;
            warning = false;
            signing = null;
        }
        finally
        {
            busy = false;
        }
        await ReloadAsync(selectCurrent);
    }
}

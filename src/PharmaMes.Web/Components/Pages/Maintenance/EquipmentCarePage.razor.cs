using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Maintenance;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Web.Components.Shared;

namespace PharmaMes.Web.Components.Pages.Maintenance;

/// <summary>
/// The care of one unit: whether it may take a batch and why not, a cleaning to record and sign, a cleaning
/// to verify, a calibration to record and sign.
/// </summary>
public partial class EquipmentCarePage
{
    [Parameter] public string Code { get; set; } = "";

    [Inject] private MaintenanceOverviewService Overview { get; set; } = default!;
    [Inject] private CleaningService Cleaning { get; set; } = default!;
    [Inject] private CalibrationService Calibration { get; set; } = default!;
    [Inject] private WorkOrderService WorkOrders { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private UnitCare? unit;
    private Guid? currentUserId;
    private bool loaded;
    private SignedActions actions = default!;
    private CleaningForm cleaning = new();
    private CalibrationForm calibration = new();
    private CleaningForm.Validator cleaningRules = default!;
    private CalibrationForm.Validator calibrationRules = default!;
    private IReadOnlyList<WorkOrderView> orders = [];
    private IReadOnlyList<Domain.Upkeep.MaintenancePlan> plans = [];
    private string raiseTask = "";
    private string raiseCause = "";
    private string? raiseError;
    private string planTask = "";
    private int? planDays = 90;
    private DateOnly? planDue;
    private string planReason = "";
    private string? planError;

    protected override void OnInitialized()
    {
        actions = new SignedActions(async () => (await AuthenticationState).User, LoadAsync);
        cleaningRules = new CleaningForm.Validator(() => Clock.GetUtcNow());
        calibrationRules = new CalibrationForm.Validator(() => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime));
        // The unit's status, cleanings and calibrations show here: re-read when they change, not under an open signature.
        Follow<CommittedChanges>(c => unit is not null && c.EquipmentChanged.Contains(unit.Code));
    }

    protected override bool CanRefresh => actions.Pending is null;

    protected override Task OnLiveChangeAsync() => LoadAsync();

    protected override async Task OnParametersSetAsync()
    {
        currentUserId = AuditActor.Of((await AuthenticationState).User).UserId;
        await LoadAsync();
        ResetForms();
    }

    private async Task LoadAsync()
    {
        unit = await Overview.GetUnitAsync(Code);
        if (unit is not null)
        {
            orders = await WorkOrders.ListAsync(unit.Code);
            plans = await WorkOrders.PlansAsync(unit.Code);
        }
        loaded = true;
    }

    private void ResetForms()
    {
        var now = Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        cleaning = new CleaningForm
        {
            CleanedAtUtc = new DateTime(now.UtcDateTime.Ticks - now.UtcDateTime.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Unspecified),
            Method = unit?.NeedsMajorCleaning == true ? Domain.Plant.CleaningMethod.Major : Domain.Plant.CleaningMethod.Minor,
        };
        planDue ??= today.AddDays(30);
        calibration = new CalibrationForm
        {
            Instrument = unit?.Instruments.FirstOrDefault() ?? "",
            CalibratedOn = today,
            NextDueOn = today.AddDays(unit?.CalibrationIntervalDays ?? 180),
        };
    }

    private void RecordCleaning()
    {
        var form = cleaning;
        var at = new DateTimeOffset(DateTime.SpecifyKind(form.CleanedAtUtc!.Value, DateTimeKind.Utc));
        actions.Ask(SignatureMeaning.Performed,
            $"{MaintenancePage.Words(form.Method)} cleaning of {Code} with {form.CleaningAgent}, finished {Batches.BatchRecordDocument.Time(at)}.",
            async (credentials, actor) =>
            {
                await Cleaning.RecordAsync(Code, new CleaningEntry(form.Method, form.CleaningAgent, at, form.Comment), credentials, actor);
                ResetForms();
                return $"Cleaning of {Code} recorded. A second person now verifies it.";
            });
    }

    private void Verify(CleaningToVerify toVerify) =>
        actions.Ask(SignatureMeaning.Verified,
            $"{MaintenancePage.Words(toVerify.Method)} cleaning of {toVerify.Code} finished {Batches.BatchRecordDocument.Time(toVerify.CleanedAt)} by {toVerify.CleanedBy}: I verified the unit is clean.",
            async (credentials, actor) =>
            {
                await Cleaning.VerifyAsync(toVerify.RecordId, credentials, actor);
                return $"Cleaning of {toVerify.Code} verified: it is clean.";
            });

    private void RecordCalibration()
    {
        var form = calibration;
        var entry = new CalibrationEntry(form.Instrument, form.ReferenceStandard, form.StandardCertificate, form.AsFound, form.AsLeft, form.Passed,
            form.CalibratedOn!.Value, form.Passed ? form.NextDueOn : null, form.Comment);
        actions.Ask(SignatureMeaning.Performed,
            $"Calibration of {entry.Instrument} on {Code} on {entry.CalibratedOn:yyyy-MM-dd} against {entry.ReferenceStandard} ({entry.StandardCertificate}): "
                + $"as found {entry.AsFound}, as left {entry.AsLeft} — {(entry.Passed ? $"PASS, next due {entry.NextDueOn:yyyy-MM-dd}" : "FAIL")}.",
            async (credentials, actor) =>
            {
                var raised = await Calibration.RecordAsync(Code, entry, credentials, actor);
                ResetForms();
                return entry.Passed
                    ? $"Calibration of {Code} recorded: next due {entry.NextDueOn:yyyy-MM-dd}."
                    : $"Failed calibration of {Code} recorded: the unit is blocked. Quality exception{(raised.Count == 1 ? "" : "s")} raised: {string.Join(", ", raised)}.";
            });
    }

    private async Task RaiseAsync()
    {
        raiseError = string.IsNullOrWhiteSpace(raiseTask) ? "Say what is to be done." : null;
        if (raiseError is not null)
            return;
        string? number = null;
        await actions.RunAsync(async actor =>
        {
            number = await WorkOrders.RaiseCorrectiveAsync(Code, raiseTask.Trim(), string.IsNullOrWhiteSpace(raiseCause) ? null : raiseCause.Trim(), actor);
            return $"Work order {number} raised.";
        });
        if (number is not null)
            Navigation.NavigateTo($"/maintenance/work-orders/{number}");
    }

    private async Task AddPlanAsync()
    {
        planError = string.IsNullOrWhiteSpace(planTask) ? "Say what is to be done each time."
            : planDays is not (>= 1 and <= Domain.Upkeep.MaintenancePlan.MaxIntervalDays) ? $"The interval must be between 1 and {Domain.Upkeep.MaintenancePlan.MaxIntervalDays} days."
            : planDue is null ? "Give the day the task is first due."
            : string.IsNullOrWhiteSpace(planReason) ? "Give the reason for this schedule: it goes into the audit trail."
            : null;
        if (planError is not null)
            return;
        await actions.RunAsync(async actor =>
        {
            await WorkOrders.AddPlanAsync(Code, planTask.Trim(), planDays!.Value, planDue!.Value, actor.Because(planReason.Trim()));
            var added = planTask.Trim();
            planTask = "";
            planReason = "";
            return $"'{added}' scheduled every {planDays} days on {Code}.";
        });
    }

    private static string Hours(TimeSpan time) => time.TotalHours >= 48 && time.TotalHours % 24 == 0 ? $"{time.TotalDays:0} days" : $"{time.TotalHours:0.#} h";
}

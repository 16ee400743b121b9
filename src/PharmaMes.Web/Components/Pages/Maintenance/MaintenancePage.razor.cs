using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Maintenance;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Web.Components.Shared;

namespace PharmaMes.Web.Components.Pages.Maintenance;

/// <summary>
/// Maintenance's landing page: units down with how long (one click raises a corrective work order), open work
/// orders, units to clean, cleanings waiting for a second person, calibrations due. It re-reads whenever a unit's status, cleaning or calibration changes.
/// </summary>
public partial class MaintenancePage
{
    [Inject] private MaintenanceOverviewService Overview { get; set; } = default!;
    [Inject] private CleaningService Cleaning { get; set; } = default!;
    [Inject] private WorkOrderService WorkOrders { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private MaintenanceOverview? overview;
    private SignedActions actions = default!;
    private CleaningToVerify? refusing;
    private string refusalReason = "";
    private string? refusalError;
    private Guid? currentUserId;

    protected override async Task OnInitializedAsync()
    {
        actions = new SignedActions(async () => (await AuthenticationState).User, LoadAsync);
        currentUserId = AuditActor.Of((await AuthenticationState).User).UserId;
        await LoadAsync();
        Follow<CommittedChanges>(c => c.EquipmentChanged.Count > 0);
    }

    // A busy plant commits many times a second: a page read every two seconds is live enough.
    protected override TimeSpan RefreshInterval => TimeSpan.FromSeconds(2);

    // Not under an open signature: the page refreshes when it closes.
    protected override bool CanRefresh => actions.Pending is null;

    protected override Task OnLiveChangeAsync() => LoadAsync();

    private async Task LoadAsync() => overview = await Overview.GetAsync();

    private DateOnly Today => DateOnly.FromDateTime((overview?.At ?? Clock.GetUtcNow()).UtcDateTime);

    /// <summary>One click from a unit that is down: a corrective work order carrying the unit's Down reason.</summary>
    private async Task RaiseAsync(UnitDown unit)
    {
        string? number = null;
        await actions.RunAsync(async actor =>
        {
            number = await WorkOrders.RaiseCorrectiveAsync(unit.Code, $"Find and fix why {unit.Code} went down", null, actor);
            return $"Work order {number} raised for {unit.Code}.";
        });
        if (number is not null)
            Navigation.NavigateTo($"/maintenance/work-orders/{number}");
    }

    private void Verify(CleaningToVerify cleaning) =>
        actions.Ask(SignatureMeaning.Verified,
            $"{Words(cleaning.Method)} cleaning of {cleaning.Code} ({cleaning.Name}) finished {Batches.BatchRecordDocument.Time(cleaning.CleanedAt)} by {cleaning.CleanedBy}: I verified the unit is clean.",
            async (credentials, actor) =>
            {
                await Cleaning.VerifyAsync(cleaning.RecordId, credentials, actor);
                return $"Cleaning of {cleaning.Code} verified: it is clean.";
            });

    private void StartRefusal(CleaningToVerify cleaning)
    {
        refusing = cleaning;
        refusalReason = "";
        refusalError = null;
    }

    private void Refuse(CleaningToVerify cleaning)
    {
        if (string.IsNullOrWhiteSpace(refusalReason))
        {
            refusalError = "Say what is not clean, so the unit is cleaned again properly.";
            return;
        }
        var reason = refusalReason.Trim();
        actions.Ask(SignatureMeaning.Rejected, $"Cleaning of {cleaning.Code} refused: {reason}",
            async (credentials, actor) =>
            {
                await Cleaning.RefuseAsync(cleaning.RecordId, reason, credentials, actor);
                refusing = null;
                return $"Cleaning of {cleaning.Code} refused: it stays dirty.";
            });
    }

    internal static string Words<T>(T value) where T : struct, Enum => Regex.Replace(value.ToString(), "(?<=[a-z])(?=[A-Z])", " ");

    internal static string Duration(TimeSpan time) =>
        time.TotalDays >= 1 ? $"{(int)time.TotalDays} d {time.Hours} h" : time.TotalHours >= 1 ? $"{(int)time.TotalHours} h {time.Minutes} min" : $"{Math.Max(0, (int)time.TotalMinutes)} min";
}

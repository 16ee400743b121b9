using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using PharmaMes.Domain.Signatures;
using PharmaMes.Domain.Upkeep;
using PharmaMes.Infrastructure.Maintenance;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Web.Components.Shared;

namespace PharmaMes.Web.Components.Pages.Maintenance;

/// <summary>
/// One maintenance work order, worked from top to bottom: assign, start (the unit leaves production),
/// say what was done and with which parts, sign the release (the unit comes back Dirty).
/// </summary>
public partial class WorkOrderPage
{
    [Parameter] public string Number { get; set; } = "";

    [Inject] private WorkOrderService WorkOrders { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private WorkOrderView? order;
    private bool loaded;
    private SignedActions actions = default!;
    private string technician = "";
    private string workDone = "";
    private string partsUsed = "";
    private string cancelReason = "";
    private string? formError;

    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    protected override void OnInitialized()
    {
        actions = new SignedActions(async () => (await AuthenticationState).User, LoadAsync);
        // The unit's status shows on this page: re-read when it changes (e.g. it was cleaned after the release), not under an open signature.
        Follow<CommittedChanges>(c => order is not null && c.EquipmentChanged.Contains(order.EquipmentCode));
    }

    protected override bool CanRefresh => actions.Pending is null;

    protected override Task OnLiveChangeAsync() => LoadAsync();

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        technician = order?.AssignedTo ?? (await AuthenticationState).User.Identity?.Name ?? "";
    }

    private async Task LoadAsync()
    {
        order = await WorkOrders.GetAsync(Number);
        loaded = true;
    }

    private string Step(bool done, WorkOrderStatus currentWhen) =>
        done ? "done" : order?.Status == currentWhen ? "now" : "";

    private Task AssignAsync()
    {
        formError = string.IsNullOrWhiteSpace(technician) ? "Say who does the work." : null;
        return formError is not null ? Task.CompletedTask : actions.RunAsync(async actor =>
        {
            await WorkOrders.AssignAsync(Number, technician.Trim(), actor);
            return $"{Number} assigned to {technician.Trim()}.";
        });
    }

    private Task StartAsync()
    {
        formError = null;
        return actions.RunAsync(async actor =>
        {
            await WorkOrders.StartAsync(Number, actor);
            return $"{Number} started: {order?.EquipmentCode} is in maintenance and refused for batches.";
        });
    }

    private Task CompleteAsync()
    {
        formError = string.IsNullOrWhiteSpace(workDone) ? "Say what was done: it goes into the equipment logbook." : null;
        return formError is not null ? Task.CompletedTask : actions.RunAsync(async actor =>
        {
            await WorkOrders.CompleteAsync(Number, workDone.Trim(), string.IsNullOrWhiteSpace(partsUsed) ? null : partsUsed.Trim(), actor);
            return $"{Number} completed: sign the release to hand {order?.EquipmentCode} back.";
        });
    }

    private void Release()
    {
        formError = null;
        var code = order?.EquipmentCode;
        actions.Ask(SignatureMeaning.Released,
            $"{Number} on {code}: {order?.WorkDone}{(order?.PartsUsed is { } parts ? $" (parts: {parts})" : "")}. I release {code} back to production, to be cleaned before use.",
            async (credentials, actor) =>
            {
                await WorkOrders.ReleaseAsync(Number, credentials, actor);
                return $"{Number} released: {code} is back and Dirty — clean it before the next product.";
            });
    }

    private Task CancelAsync()
    {
        formError = string.IsNullOrWhiteSpace(cancelReason) ? "Say why the work is no longer needed." : null;
        return formError is not null ? Task.CompletedTask : actions.RunAsync(async actor =>
        {
            await WorkOrders.CancelAsync(Number, cancelReason.Trim(), actor);
            return $"{Number} cancelled.";
        });
    }
}

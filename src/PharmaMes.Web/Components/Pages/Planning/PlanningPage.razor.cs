using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using PharmaMes.Infrastructure.Live;
using PharmaMes.Infrastructure.Planning;
using PharmaMes.Web.Components.Shared;

namespace PharmaMes.Web.Components.Pages.Planning;

/// <summary>
/// The planning board: the schedule in force as a Gantt per line and equipment (orders coloured by product, late ones
/// marked, changeovers, no-shift, calibration and Down times hatched, a line for now), the late and unplaceable orders
/// named above it, the orders below. It moves by itself when the plant is planned again.
/// </summary>
public partial class PlanningPage
{
    private static readonly (int Hours, string Label)[] Spans = [(24, "24 h"), (72, "3 days"), (168, "7 days")];

    [Inject] private ScheduleService Schedule { get; set; } = default!;
    [Inject] private ImpactService Impacts { get; set; } = default!;
    [CascadingParameter] private Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;
    [Inject] private Microsoft.Extensions.Options.IOptions<PlanningOptions> Options { get; set; } = default!;

    private ScheduleView? view;
    private Dictionary<string, ScheduledOrderView> orders = [];
    private IReadOnlyList<string> lines = [];
    private string? line;
    private int span = 24;
    private DateTimeOffset now;
    private DateTimeOffset from;
    private string? selected;
    private bool planning;
    private string? error;
    private string? outcome;
    private Domain.Planning.ScheduleImpact? waiting;
    private bool previewing;
    private bool accepting;
    private Timer? _tick;
    private ScheduledOperationView? dragged;
    private ScheduledOperationView? moving;
    private string? droppedOn;
    private DateTimeOffset? droppedAt;
    private int moveKey;
    private bool autoApply;
    private bool autoApplyWanted;
    private string autoApplyReason = "";

    private bool AutoAcceptConfigured => Options.Value.AutoAccept;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        // A plan or an impact made on any node.
        Follow<PlanChanged>();
        // The now line moves on, and with it what is past.
        _tick = new Timer(_ => _ = InvokeAsync(() => { SetWindow(); StateHasChanged(); }), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    private async Task LoadAsync()
    {
        var applies = await Impacts.AutoAppliesAsync();
        if (applies != autoApply)
            (autoApply, autoApplyWanted) = (applies, applies);
        waiting = await Impacts.WaitingAsync();
        if (waiting is null)
            previewing = false;
        view = previewing && waiting is not null ? await Impacts.PreviewAsync(waiting, line) : await Schedule.GetAsync(line: line);
        orders = view.Orders.ToDictionary(o => o.Number);
        if (line is null)
            lines = [.. view.Equipment.Select(e => e.Line).Distinct()];
        SetWindow();
    }

    private void SetWindow()
    {
        now = Clock.GetUtcNow();
        // An hour of the past, so what just ended is still in sight.
        from = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero).AddHours(-1);
    }

    private DateTimeOffset To => from.AddHours(span);

    protected override Task OnLiveChangeAsync() => LoadAsync();

    // Not under the planner's hand: an operation being dragged, or the move being confirmed, keeps the board it started on.
    protected override bool CanRefresh => dragged is null && moving is null;

    private async Task PlanNowAsync()
    {
        planning = true;
        error = null;
        try
        {
            await Schedule.PlanAsync();
            await LoadAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = $"Planning failed: {ex.Message}";
        }
        finally
        {
            planning = false;
        }
    }

    private void ShowSpan(int hours) => span = hours;

    private async Task TogglePreviewAsync()
    {
        previewing = !previewing;
        await LoadAsync();
    }

    private async Task AcceptAsync(string reason)
    {
        if (waiting is null)
            return;
        accepting = true;
        error = null;
        try
        {
            var actor = Infrastructure.Audit.AuditActor.Of((await AuthenticationState).User);
            var accepted = await Impacts.AcceptAsync(waiting.Id, reason, actor);
            outcome = $"The new schedule is in force ({accepted.Description}). The ERP is told of {accepted.Orders.Count} changed order(s).";
            previewing = false;
            await LoadAsync();
        }
        catch (Domain.Common.DomainException ex)
        {
            error = ex.Message;
        }
        finally
        {
            accepting = false;
        }
    }

    private async Task PickLineAsync(ChangeEventArgs e)
    {
        line = string.IsNullOrWhiteSpace(e.Value?.ToString()) ? null : e.Value!.ToString();
        await LoadAsync();
    }

    private void Select(string order) => selected = selected == order ? null : order;

    private string Summary => previewing
        ? $"The proposal of {waiting?.RaisedAt.UtcDateTime:HH:mm:ss}, as it would be in force: {view?.Orders.Count} orders, "
            + (view?.Orders.Count(o => o.IsLate) is var proposedLate and > 0 ? $"{proposedLate} late." : "all on time.")
        : view?.PlannedAt is not { } at
        ? "Not planned yet: the first plan is made a few seconds after start."
        : $"Planned {Time(at)} by {view.Method ?? "the solver"}: {view.Orders.Count} order{(view.Orders.Count == 1 ? "" : "s")}, "
            + (view.Orders.Count(o => o.IsLate) is var late and > 0 ? $"{late} late." : "all on time.");

    private IEnumerable<ScheduledOperationView> OperationsOn(string equipment) =>
        view!.Orders.SelectMany(o => o.Operations).Where(o => o.EquipmentCode == equipment && Visible(o.PlannedStart, o.PlannedEnd));

    /// <summary>Before each operation whose product differs from the one before it on the equipment: the gap left for the changeover.</summary>
    private IEnumerable<(ScheduledOperationView Changeover, string Before)> Changeovers(string equipment)
    {
        ScheduledOperationView? previous = null;
        foreach (var operation in view!.Orders.SelectMany(o => o.Operations).Where(o => o.EquipmentCode == equipment).OrderBy(o => o.PlannedStart))
        {
            if (previous is not null && previous.Product != operation.Product && operation.PlannedStart > previous.PlannedEnd
                && Visible(previous.PlannedEnd, operation.PlannedStart))
                yield return (operation with { PlannedStart = previous.PlannedEnd, PlannedEnd = operation.PlannedStart }, previous.Product);
            previous = operation;
        }
    }

    private bool Visible(DateTimeOffset start, DateTimeOffset end) => end >= from && start <= To;

    /// <summary>How much of the shown span a time takes, 0 to 1.</summary>
    private double Share(DateTimeOffset start, DateTimeOffset end) =>
        (Math.Min(end.UtcTicks, To.UtcTicks) - Math.Max(start.UtcTicks, from.UtcTicks)) / (double)(To - from).Ticks;

    private string Percent(DateTimeOffset at) =>
        (Math.Clamp((at - from).TotalMinutes / (To - from).TotalMinutes, 0, 1) * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";

    private string Place(DateTimeOffset start, DateTimeOffset end)
    {
        var left = Math.Clamp((start - from).TotalMinutes / (To - from).TotalMinutes, 0, 1) * 100;
        var right = Math.Clamp((end - from).TotalMinutes / (To - from).TotalMinutes, 0, 1) * 100;
        return string.Create(CultureInfo.InvariantCulture, $"left: {left:0.###}%; width: {Math.Max(right - left, 0.15):0.###}%");
    }

    private IEnumerable<(DateTimeOffset At, string Label, bool Day)> Ticks()
    {
        var step = span <= 24 ? 2 : span <= 72 ? 6 : 24;
        for (var at = from.AddHours(1); at < To; at = at.AddHours(1))
        {
            if (at.Hour % step != 0)
                continue;
            var day = at.Hour == 0;
            yield return (at, day || span > 72 ? at.ToString("ddd dd", CultureInfo.InvariantCulture) : at.ToString("HH:mm", CultureInfo.InvariantCulture), day);
        }
    }

    private static string OffClass(string reason) =>
        reason.StartsWith("Down", StringComparison.Ordinal) || reason.Contains("maintenance", StringComparison.OrdinalIgnoreCase) ? "mes-gantt-down" : "";

    /// <summary>One of eight colours per product, the same on every page load.</summary>
    private static int ProductColour(string product)
    {
        var hash = 17;
        foreach (var c in product)
            hash = unchecked(hash * 31 + c);
        return Math.Abs(hash % 8);
    }

    private static string BarTitle(ScheduledOperationView operation, ScheduledOrderView order) =>
        $"{operation.OrderNumber} · step {operation.Step} {operation.StepName} · {operation.Product} · {Time(operation.PlannedStart)} – {Time(operation.PlannedEnd)}"
        + (order.IsLate ? $" · late by {Duration(order.Lateness)}" : "")
        + (operation.Pinned ? " · placed by a planner: kept there when the plant is planned again" : "");

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("ddd dd MMM HH:mm", CultureInfo.InvariantCulture);

    private void OpenMove(ScheduledOperationView operation, string? equipment = null, DateTimeOffset? at = null)
    {
        selected = operation.OrderNumber;
        (moving, droppedOn, droppedAt) = (operation, equipment, at);
        moveKey++;
        outcome = null;
    }

    /// <summary>A step dropped on an equipment's row: the time under the pointer, to five minutes, becomes the move to check.</summary>
    private async Task DropAsync(Microsoft.AspNetCore.Components.Web.DragEventArgs e, string equipment)
    {
        if (dragged is not { } operation || previewing)
            return;
        dragged = null;
        var share = await Js.InvokeAsync<double>("mesGanttShare", e.ClientX, equipment);
        if (share is < 0 or > 1)
            return;
        var at = from.AddMinutes(Math.Round(share * span * 60 / 5) * 5);
        OpenMove(operation, equipment, at);
    }

    private void CloseMove() => moving = null;

    private async Task SaveAutoApplyAsync()
    {
        error = null;
        try
        {
            await Impacts.SetAutoApplyAsync(autoApplyWanted, autoApplyReason, Infrastructure.Audit.AuditActor.Of((await AuthenticationState).User));
            autoApplyReason = "";
            await LoadAsync();
            outcome = autoApply ? "New schedules that make no order late now go in force by themselves." : "Every new schedule now waits for a planner.";
        }
        catch (Domain.Common.DomainException e)
        {
            error = e.Message;
        }
    }

    private async Task MovedAsync(string message)
    {
        moving = null;
        await LoadAsync();
        outcome = message;
    }

    private static string Amount(decimal value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan span) =>
        span.TotalHours >= 24 ? $"{(int)span.TotalDays} d {span.Hours} h"
        : span.TotalMinutes >= 60 ? $"{(int)span.TotalHours} h {span.Minutes} min"
        : $"{Math.Ceiling(span.TotalMinutes):0} min";

    public override void Dispose()
    {
        _tick?.Dispose();
        base.Dispose();
    }
}

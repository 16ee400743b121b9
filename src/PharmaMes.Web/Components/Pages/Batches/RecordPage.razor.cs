using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Quality;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Identity;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Infrastructure.Quality;
using PharmaMes.Infrastructure.Signatures;
using PharmaMes.Infrastructure.Telemetry;

namespace PharmaMes.Web.Components.Pages.Batches;

/// <summary>
/// QA's review of one batch record, by exception: the quality exceptions and flagged entries
/// first, then the steps with their signatures (each checked), the timeline, each step's
/// telemetry, and every entry. QA closes exceptions and releases or rejects with a signature.
/// </summary>
public partial class RecordPage
{
    [Parameter] public string Number { get; set; } = "";
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private BatchReviewService Review { get; set; } = default!;
    [Inject] private QualityExceptionService Exceptions { get; set; } = default!;
    [Inject] private BatchExecutionService Execution { get; set; } = default!;
    [Inject] private TelemetryQueryService Telemetry { get; set; } = default!;

    private BatchRecordView? record;
    private Dictionary<int, IReadOnlyList<TelemetrySeries>> trends = [];
    private bool notFound;
    private bool busy;
    private bool isQa;
    private string? message;
    private bool messageIsError;
    private string? rejectReason;
    private string? comment;
    private (SignatureMeaning Meaning, string What, Func<SignatureCredentials, Task> Sign)? signing;

    protected override async Task OnParametersSetAsync()
    {
        isQa = (await AuthenticationState).User.IsInRole(MesRoles.QA);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        record = await Review.GetRecordAsync(Number);
        notFound = record is null;
        if (record is null)
            return;
        trends = [];
        foreach (var step in record.Batch.Steps)
        {
            if (step.EquipmentCode is not { } code || step.StartedAt is not { } from)
                continue;
            var to = step.CompletedAt ?? step.PerformedAt ?? DateTimeOffset.UtcNow;
            // Only tags that reported while the step ran: an empty chart says nothing a reviewer needs.
            var series = await Telemetry.GetAllSeriesAsync(code.Value, from, to < from.AddMinutes(1) ? from.AddMinutes(1) : to, 300);
            if (series?.Where(s => s.Points.Count > 0).ToList() is { Count: > 0 } withReadings)
                trends[step.Number] = withReadings;
        }
    }

    private Task CommentAsync() => RunAsync(async actor =>
    {
        await Execution.CommentAsync(Number, null, comment ?? "", actor);
        comment = null;
        return "Comment added to the record.";
    });

    private Task AddNoteAsync(QualityException exception, string text) => RunAsync(async actor =>
    {
        await Exceptions.AddNoteAsync(exception.Number.Value, text, actor);
        return $"Note added to {exception.Number}.";
    });

    private void Close(QualityException exception, string closure)
    {
        signing = (SignatureMeaning.Reviewed, $"Quality exception {exception.Number} ({exception.Title}): closed with the conclusion \"{closure}\".",
            credentials => RunAsync(async actor =>
            {
                await Exceptions.CloseAsync(exception.Number.Value, closure, credentials, actor);
                return $"{exception.Number} closed.";
            }, rethrowSigning: true));
    }

    private void Release() =>
        signing = (SignatureMeaning.Released, $"Batch {Number} of {record!.ProductName}: I reviewed this batch record and release the batch.",
            credentials => RunAsync(async actor => { await Review.ReleaseAsync(Number, credentials, actor); return $"Batch {Number} released; its lot is Released stock."; }, rethrowSigning: true));

    private void Reject()
    {
        var why = rejectReason ?? "";
        signing = (SignatureMeaning.Rejected, $"Batch {Number} of {record!.ProductName}: I reject this batch. Reason: {why}",
            credentials => RunAsync(async actor => { await Review.RejectAsync(Number, why, credentials, actor); return $"Batch {Number} rejected."; }, rethrowSigning: true));
    }

    private async Task SignAsync(SignatureCredentials credentials, string? comment)
    {
        if (signing is { } pending)
            await pending.Sign(credentials);
        signing = null;
    }

    private async Task RunAsync(Func<AuditActor, Task<string>> action, bool rethrowSigning = false)
    {
        busy = true;
        try
        {
            message = await action(AuditActor.Of((await AuthenticationState).User));
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
            signing = null;
        }
        finally
        {
            busy = false;
        }
        await LoadAsync();
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Alerts;
using PharmaMes.Domain.Audit;
using PharmaMes.Domain.Common;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Live;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Alerts;

/// <summary>
/// A person acknowledges an alert (ISA-18.2): they have seen it and answer for it. Alerts themselves are
/// observations and not audited, but an acknowledgement is a person's act, so it goes into the audit trail
/// in the same transaction, and screens and hub clients hear of it after the commit.
/// </summary>
public sealed class AlertAcknowledgement(IDbContextFactory<MesDbContext> contexts, LiveEvents notifier, TimeProvider clock)
{
    public const string SubjectType = "Alert";

    /// <summary>Acknowledges the alert; null when there is no alert with that id.</summary>
    /// <exception cref="AlertAlreadyAcknowledgedException">Someone acknowledged it before.</exception>
    public async Task<AlertView?> AcknowledgeAsync(Guid alertId, string? comment, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(actor, cancellationToken);
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == alertId, cancellationToken);
        if (alert is null)
            return null;
        var userId = actor.UserId ?? throw new DomainException("Only a signed-in person can acknowledge an alert.");
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new DomainException("Only a signed-in person can acknowledge an alert.");
        var now = clock.GetUtcNow();
        var fullName = string.IsNullOrWhiteSpace(user.FullName) ? user.UserName! : user.FullName;
        alert.Acknowledge(user.UserName!, fullName, now, comment);
        foreach (var record in AuditRecords(alert, actor, now))
            db.RecordAuditEvent(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else acknowledged it between our read and our write: theirs stands, and the refusal names them.
            await using var again = await contexts.CreateDbContextAsync(cancellationToken);
            var current = await again.Alerts.AsNoTracking().SingleAsync(a => a.Id == alertId, cancellationToken);
            current.Acknowledge(user.UserName!, fullName, now, comment);
            throw;
        }
        notifier.Publish(new AlertAcknowledged(alert.Id, alert.Kind, alert.Source, alert.State, alert.AcknowledgedBy!, alert.AcknowledgedByName!,
            alert.AcknowledgedAt!.Value, alert.AcknowledgementComment));
        return AlertView.Of(alert);
    }

    /// <summary>One entry per recorded field, as the trail records any other change of a record.</summary>
    private static IEnumerable<AuditRecord> AuditRecords(Alert alert, AuditActor actor, DateTimeOffset now)
    {
        var label = $"{alert.Kind} {alert.Source}";
        AuditRecord Changed(string field, string? value) =>
            new(now, actor.UserId, actor.Name, AuditAction.Changed, SubjectType, alert.Id.ToString(), label, field, null, value, actor.Reason);
        yield return Changed(nameof(Alert.AcknowledgedBy), alert.AcknowledgedBy);
        yield return Changed(nameof(Alert.AcknowledgedByName), alert.AcknowledgedByName);
        yield return Changed(nameof(Alert.AcknowledgedAt), alert.AcknowledgedAt!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        if (alert.AcknowledgementComment is { } text)
            yield return Changed(nameof(Alert.AcknowledgementComment), text);
    }
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PharmaMes.Domain.Audit;
using PharmaMes.Domain.Common;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Identity;

/// <summary>
/// Sign-ins, sessions and sign-outs (21 CFR 11.10(d), 11.300): each sign-in opens a session on the
/// server, every request checks it is still open, and every sign-in, refusal, sign-out and
/// ended session goes into the audit trail with the client address.
/// </summary>
public sealed class UserSessions(
    IDbContextFactory<MesDbContext> contexts,
    CredentialRevocations revocations,
    IOptions<SecurityOptions> options,
    TimeProvider clock)
{
    private const string UserEntity = "User";

    // Sessions seen open lately, so a page's dozens of requests do not each read the database.
    // Ending a session here removes it at once; another node sees the end within the recheck time.
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _seenOpen = new();

    public async Task<Guid> StartAsync(Guid userId, string userName, string? clientAddress, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            Id = Ids.New(),
            UserId = userId,
            UserName = userName,
            StartedAt = now,
            ClientAddress = Shorten(clientAddress),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.UserSessions.Add(session);
        db.RecordAuditEvent(new AuditRecord(now, userId, userName, AuditAction.SignedIn, UserEntity, userId.ToString(), userName,
            NewValue: $"from {session.ClientAddress ?? "an unknown address"}"));
        await db.SaveChangesAsync(cancellationToken);
        ForgetStale(now);
        _seenOpen[session.Id] = now;
        return session.Id;
    }

    /// <summary>Open, and younger than the longest a session may last whatever the activity.</summary>
    public async Task<bool> IsOpenAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_seenOpen.TryGetValue(sessionId, out var seen) && now - seen < RecheckAfter)
            return true;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || !session.IsOpen)
        {
            _seenOpen.TryRemove(sessionId, out _);
            return false;
        }
        if (now - session.StartedAt > TimeSpan.FromHours(options.Value.SessionMaxHours))
        {
            await EndAsync(sessionId, $"The session reached its {options.Value.SessionMaxHours} hours.", null, cancellationToken);
            return false;
        }
        _seenOpen[sessionId] = now;
        return true;
    }

    /// <summary>Ends one session (signed out, timed out); every copy of its cookie is refused from now on.</summary>
    public async Task EndAsync(Guid sessionId, string reason, string? clientAddress, CancellationToken cancellationToken = default)
    {
        _seenOpen.TryRemove(sessionId, out _);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.EndedAt == null, cancellationToken);
        if (session is not null)
        {
            Close(db, session, reason, clientAddress);
            await db.SaveChangesAsync(cancellationToken);
        }
        revocations.Publish(new RevokedCredential(RevokedCredentialKind.Session, sessionId));
    }

    /// <summary>Ends every open session of a user (disabled, roles changed, unlocked by an administrator).</summary>
    public async Task<int> EndAllAsync(Guid userId, string reason, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync(cancellationToken);
        foreach (var session in open)
        {
            _seenOpen.TryRemove(session.Id, out _);
            Close(db, session, reason, null);
        }
        await db.SaveChangesAsync(cancellationToken);
        revocations.Publish(new RevokedCredential(RevokedCredentialKind.User, userId));
        return open.Count;
    }

    /// <summary>A refused sign-in: the name as typed (it may not exist), why, and from where.</summary>
    public async Task RecordRefusalAsync(Guid? userId, string userName, string outcome, string? clientAddress, CancellationToken cancellationToken = default)
    {
        var typed = userName.Length > AuditEntry.NameMaxLength ? userName[..AuditEntry.NameMaxLength] : userName;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.RecordAuditEvent(new AuditRecord(clock.GetUtcNow(), userId, typed, AuditAction.SignInRefused, UserEntity,
            userId?.ToString() ?? "unknown", typed, NewValue: $"{outcome}, from {Shorten(clientAddress) ?? "an unknown address"}"));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Sessions that lapsed on their own (idle terminals) are never ended here: their entries go once stale.</summary>
    private void ForgetStale(DateTimeOffset now)
    {
        foreach (var (id, seen) in _seenOpen)
            if (now - seen >= RecheckAfter)
                _seenOpen.TryRemove(id, out _);
    }

    private void Close(MesDbContext db, UserSession session, string reason, string? clientAddress)
    {
        var now = clock.GetUtcNow();
        session.EndedAt = now;
        session.EndReason = reason.Length > UserSession.EndReasonMaxLength ? reason[..UserSession.EndReasonMaxLength] : reason;
        var from = Shorten(clientAddress) ?? session.ClientAddress;
        db.RecordAuditEvent(new AuditRecord(now, session.UserId, session.UserName, AuditAction.SessionEnded, UserEntity,
            session.UserId.ToString(), session.UserName, NewValue: $"{session.EndReason} Session from {session.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, {from ?? "unknown address"}."));
    }

    private static string? Shorten(string? address) =>
        string.IsNullOrWhiteSpace(address) ? null
        : address.Length > UserSession.AddressMaxLength ? address[..UserSession.AddressMaxLength] : address;
}

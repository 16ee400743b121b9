namespace PharmaMes.Domain.Audit;

/// <summary>What happened to the audited record.</summary>
public enum AuditAction
{
    /// <summary>A record was created; the new value lists its recorded fields.</summary>
    Created,
    /// <summary>One field of a record changed from the old value to the new value.</summary>
    Changed,
    /// <summary>A relation ended (for example a role taken from a user); records themselves are never deleted.</summary>
    Removed,
    /// <summary>An electronic signature was applied.</summary>
    Signed,
    /// <summary>A signing attempt failed (wrong password, locked account, refused by a rule).</summary>
    SignatureFailed,
    /// <summary>A person signed in; the new value says from which client address.</summary>
    SignedIn,
    /// <summary>A sign-in was refused (wrong password, unknown user, locked, disabled), with the address.</summary>
    SignInRefused,
    /// <summary>A session ended: signed out, reached its longest time, or ended by an administrator's change.</summary>
    SessionEnded,
}

namespace PharmaMes.Infrastructure.Identity;

/// <summary>
/// A person's signed-in session, held on the server. The sign-in cookie only names it, so ending
/// it here (sign-out, the user disabled, roles changed) refuses every copy of that cookie at once.
/// </summary>
public class UserSession
{
    public const int AddressMaxLength = 64;
    public const int EndReasonMaxLength = 200;

    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string UserName { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>The client address it was opened from (after a trusted proxy's forwarded header).</summary>
    public string? ClientAddress { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndReason { get; set; }

    public bool IsOpen => EndedAt is null;
}

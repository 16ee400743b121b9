using Microsoft.AspNetCore.Identity;

namespace PharmaMes.Infrastructure.Identity;

/// <summary>
/// A person who signs in. Users are never deleted (their name stays on every record they
/// signed); a user who leaves is disabled.
/// </summary>
public class MesUser : IdentityUser<Guid>
{
    public const int FullNameMaxLength = 100;

    /// <summary>The printed name shown in every electronic signature manifestation.</summary>
    public string FullName { get; set; } = "";
    public bool IsDisabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

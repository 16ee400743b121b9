using System.ComponentModel.DataAnnotations;

namespace PharmaMes.Infrastructure.Identity;

/// <summary>The <c>Security</c> section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Shared shop-floor terminals sign out after this many minutes without input.</summary>
    [Range(1, 480)]
    public int IdleTimeoutMinutes { get; init; } = 15;

    /// <summary>Failed sign-ins (and, later, failed signings) before an account locks.</summary>
    [Range(1, 20)]
    public int MaxFailedAccessAttempts { get; init; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; init; } = 30;
}

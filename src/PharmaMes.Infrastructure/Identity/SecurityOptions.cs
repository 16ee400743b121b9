using System.ComponentModel.DataAnnotations;

namespace PharmaMes.Infrastructure.Identity;

/// <summary>The <c>Security</c> section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Shared shop-floor terminals sign out after this many minutes without input.</summary>
    /// <remarks>Fractions are allowed (0.5 is 30 s), which lets tests watch a real sign-out.</remarks>
    [Range(0.1, 480)]
    public double IdleTimeoutMinutes { get; init; } = 15;

    /// <summary>Failed sign-ins (and, later, failed signings) before an account locks.</summary>
    [Range(1, 20)]
    public int MaxFailedAccessAttempts { get; init; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; init; } = 30;

    /// <summary>A session ends after this long whatever the activity (a shift and its overlap).</summary>
    [Range(1, 24)]
    public int SessionMaxHours { get; init; } = 12;

    /// <summary>Sign-in attempts accepted from one client address per minute; more answer 429.</summary>
    [Range(1, 100000)]
    public int SignInAttemptsPerAddressPerMinute { get; init; } = 10;

    /// <summary>Sign-in attempts accepted for one user name per minute, from anywhere; more answer 429.</summary>
    [Range(1, 100000)]
    public int SignInAttemptsPerUserPerMinute { get; init; } = 5;
}

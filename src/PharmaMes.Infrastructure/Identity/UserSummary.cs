namespace PharmaMes.Infrastructure.Identity;

public sealed record UserSummary(Guid Id, string UserName, string FullName, IReadOnlyList<string> Roles, bool IsDisabled, bool IsLockedOut, DateTimeOffset CreatedAt);

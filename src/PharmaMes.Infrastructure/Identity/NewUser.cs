namespace PharmaMes.Infrastructure.Identity;

public sealed record NewUser(string UserName, string FullName, string Password, IReadOnlyCollection<string> Roles);

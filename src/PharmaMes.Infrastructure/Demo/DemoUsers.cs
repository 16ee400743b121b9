using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Infrastructure.Demo;

/// <summary>One demo user per role, signing in with the user name.</summary>
public static class DemoUsers
{
    public static readonly IReadOnlyList<(string UserName, string FullName, string Role)> All =
    [
        ("operator", "Olga Petrova", MesRoles.Operator),
        ("supervisor", "Samuel Okafor", MesRoles.Supervisor),
        ("qa", "Quinn Andersen", MesRoles.QA),
        ("planner", "Paula Nguyen", MesRoles.Planner),
        ("maintenance", "Marco Rossi", MesRoles.Maintenance),
        ("admin", "Ada Lindqvist", MesRoles.Admin),
    ];
}

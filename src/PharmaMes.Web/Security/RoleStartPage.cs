using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Web.Security;

/// <summary>
/// Where each role starts after sign-in: operators and supervisors on the work queue, QA on the review inbox,
/// planners on batches and orders, maintenance on its page, administrators on the plant model. A person with
/// several roles starts where the first of them in this order does.
/// </summary>
public static class RoleStartPage
{
    private static readonly (string Role, string Path)[] Starts =
    [
        (MesRoles.Operator, "/work"),
        (MesRoles.Supervisor, "/work"),
        (MesRoles.QA, "/review"),
        (MesRoles.Planner, "/batches"),
        (MesRoles.Maintenance, "/maintenance"),
        (MesRoles.Admin, "/admin/plant"),
    ];

    public static string For(IEnumerable<string> roles)
    {
        var held = roles.ToHashSet(StringComparer.Ordinal);
        return Starts.FirstOrDefault(s => held.Contains(s.Role)).Path ?? "/";
    }
}

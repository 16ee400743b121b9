using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Web.Tests.Plant;

/// <summary>The web app with no demo data: an empty plant and one administrator, as a new site starts.</summary>
public sealed class EmptyPlantWebFactory : MesWebFactory
{
    public const string AdminName = "site.admin";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Demo:Enabled"] = "false", ["Mqtt:Broker:AllowAnonymous"] = "false" };

    public async Task<HttpClient> SignedInAdminAsync()
    {
        var users = Services.GetRequiredService<UserAdministration>();
        if ((await users.ListAsync()).All(u => u.UserName != AdminName))
            await users.CreateAsync(new NewUser(AdminName, "Site Administrator", Password, [MesRoles.Admin]), AuditActor.System("test set-up", "First administrator"));
        return await SignedInAsync(AdminName);
    }
}

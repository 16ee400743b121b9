using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Identity;
using PharmaMes.Infrastructure.Recipes;
using PharmaMes.Infrastructure.Signatures;

namespace PharmaMes.Infrastructure.Tests.Recipes;

/// <summary>The demo people as a page would pass them to the recipe service, and the demo recipes by product and version.</summary>
internal static class SignedInPeople
{
    public static async Task<AuditActor> AsAsync(MesTestHost host, string userName)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<MesUser>>().FindByNameAsync(userName))!;
        return new AuditActor(user.Id, user.UserName!);
    }

    public static SignatureCredentials Credentials(string userName) => new(userName, MesTestHost.DemoPassword);

    public static async Task<RecipeSummary> RecipeAsync(MesTestHost host, string productCode, int version) =>
        (await host.Get<RecipeService>().VersionsAsync(productCode)).Single(r => r.Version == version);
}

using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Infrastructure.Tests.PostgreSql;

/// <summary>User administration runs its own transactions, which the retrying execution strategy must carry.</summary>
[Collection(PostgreSqlCollection.Name)]
public class PostgreSqlUserAdministration(PostgreSqlFixture postgres)
{
    [Fact]
    public async Task AUserIsCreatedAndGivenOtherRolesOnPostgreSql()
    {
        await using var host = await MesTestHost.StartAsync(demo: false, settings: await postgres.NewDatabaseAsync());
        var admin = host.Get<UserAdministration>();
        var by = AuditActor.System("test", "User administration");

        var created = await admin.CreateAsync(new NewUser("anna.b", "Anna B", "correct-horse-battery", [MesRoles.Operator]), by);
        await admin.SetRolesAsync(created.Id, [MesRoles.Supervisor, MesRoles.Planner], by);

        var listed = Assert.Single(await admin.ListAsync());
        Assert.Equal("anna.b", listed.UserName);
        Assert.Equal([MesRoles.Planner, MesRoles.Supervisor], listed.Roles);
        var verification = await host.Get<AuditTrailService>().VerifyAsync();
        Assert.True(verification.Valid, verification.Problem);
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Demo;
using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Infrastructure.Tests.Demo;

public class DemoSeeding
{
    [Fact]
    public async Task SeedsThePlantWithTagsLimitsAndEveryLotStatus()
    {
        await using var host = await MesTestHost.StartAsync(demo: true);
        await using var db = host.NewContext();

        var site = await db.Sites.Include(s => s.Areas).ThenInclude(a => a.Lines).SingleAsync();
        Assert.Equal("PLANT1", site.Code.Value);
        Assert.Equal(["BIO", "OSD"], site.Areas.Select(a => a.Code.Value).Order());
        var bioreactor = await db.Equipment.Include(e => e.Tags).SingleAsync(e => e.Code == new Domain.Plant.PlantCode("BR-01"));
        var temperature = bioreactor.Tags.Single(t => t.Name.Value == "temperature");
        Assert.Equal("°C", temperature.Unit.Symbol);
        Assert.Equal((36.5, 37.5), (temperature.AlarmLimits.Low, temperature.AlarmLimits.High));
        var sealing = await db.TagDefinitions.SingleAsync(t => t.Name == new Domain.Plant.TagName("sealing_temperature"));
        Assert.Equal((140, 160), (sealing.AlarmLimits.Low, sealing.AlarmLimits.High));
        Assert.Equal(10, await db.Equipment.CountAsync());
        var statuses = await db.MaterialLots.Select(l => l.Status).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<LotStatus>().Order(), statuses.Order());
        Assert.Contains(await db.Materials.Select(m => m.Type).Distinct().ToListAsync(), t => t == MaterialType.FinishedGood);
        // Every equipment's history starts with its current state, open.
        var intervals = await db.StateIntervals.Where(s => s.EndedAt == null).ToListAsync();
        Assert.Equal(10, intervals.Count);
        Assert.Contains(intervals, s => s.State == Domain.Plant.EquipmentState.Down && s.Reason == "Foil web break at the sealing station");
    }

    [Fact]
    public async Task CreatesOneUserPerRoleWithTheConfiguredPassword()
    {
        await using var host = await MesTestHost.StartAsync(demo: true);
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MesUser>>();

        foreach (var (userName, _, role) in DemoUsers.All)
        {
            var user = await users.FindByNameAsync(userName);
            Assert.NotNull(user);
            Assert.True(await users.CheckPasswordAsync(user, MesTestHost.DemoPassword), $"{userName} should sign in with Demo:Password");
            Assert.Equal([role], await users.GetRolesAsync(user));
        }
        Assert.Equal(MesRoles.PersonRoles.Order(), DemoUsers.All.Select(u => u.Role).Order());
    }

    [Fact]
    public async Task NothingOfTheDemoExistsWhenDemoModeIsOffButTheRolesDo()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        await using var db = host.NewContext();

        Assert.Equal(0, await db.Sites.CountAsync());
        Assert.Equal(0, await db.Materials.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.ApiKeys.CountAsync());
        Assert.Equal(MesRoles.PersonRoles.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
    }
}

using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Materials;

namespace PharmaMes.Infrastructure.Tests.Materials;

public class MaterialMasterMaintenance
{
    private static readonly AuditActor Planner = new(Guid.CreateVersion7(), "planner");

    private static MaterialMasterData Talc(int? shelfLifeDays = 1095, string? storage = "15–25 °C, dry") =>
        new("EXC-TALC", "Talc", MaterialType.Excipient, "kg", 40m, 10m, shelfLifeDays, storage);

    [Fact]
    public async Task ACreatedMaterialIsListedAndAuditedWithItsReason()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        var master = host.Get<MaterialMasterService>();

        await master.CreateAsync(Talc(), "Second glidant qualified", Planner);

        var talc = Assert.Single(await master.ListAsync());
        Assert.Equal(("EXC-TALC", 1095, "15–25 °C, dry"), (talc.Code, talc.ShelfLifeDays, talc.StorageCondition));
        await using var db = host.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == "Material" && a.EntityLabel == "EXC-TALC");
        Assert.Equal(("planner", "Second glidant qualified"), (entry.UserName, entry.Reason));
    }

    [Fact]
    public async Task AChangeWithoutAReasonAnExistingCodeAndAnUnknownCodeAreRefused()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        var master = host.Get<MaterialMasterService>();
        await master.CreateAsync(Talc(), "Second glidant qualified", Planner);

        var noReason = await Assert.ThrowsAsync<DomainException>(() => master.UpdateAsync(Talc(storage: "2–8 °C"), "  ", Planner));
        var duplicate = await Assert.ThrowsAsync<DomainException>(() => master.CreateAsync(Talc(), "Again", Planner));
        var unknown = await Assert.ThrowsAsync<DomainException>(() => master.UpdateAsync(Talc() with { Code = "EXC-NONE" }, "Typo", Planner));

        Assert.Contains("reason", noReason.Message);
        Assert.Equal("A material with the code EXC-TALC already exists.", duplicate.Message);
        Assert.Equal("There is no material with the code EXC-NONE.", unknown.Message);
        Assert.Equal("15–25 °C, dry", Assert.Single(await master.ListAsync()).StorageCondition);
    }

    [Fact]
    public async Task ARefusedShelfLifeChangesNothing()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        var master = host.Get<MaterialMasterService>();
        await master.CreateAsync(Talc(), "Second glidant qualified", Planner);

        await Assert.ThrowsAsync<DomainException>(() => master.UpdateAsync(Talc(shelfLifeDays: 0) with { Name = "Talc, renamed" }, "Rename", Planner));

        var talc = Assert.Single(await master.ListAsync());
        Assert.Equal(("Talc", 1095), (talc.Name, talc.ShelfLifeDays));
    }
}

using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Audit;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Plant;
using PharmaMes.Infrastructure.Plant.Model;

namespace PharmaMes.Infrastructure.Tests.Plant;

/// <summary>Engineers building and correcting the plant through <see cref="PlantEngineeringService"/>, on a real SQLite file.</summary>
public class PlantEngineering
{
    private static readonly AuditActor Engineer = new(null, "eng.e", "Commissioning the packaging hall");
    private static readonly EquipmentSettings NoSettings = new(null, null, null, null);

    private static async Task BuildSmallPlantAsync(PlantEngineeringService plant)
    {
        await plant.AddSiteAsync("ZRH", "Zurich", Engineer);
        await plant.AddAreaAsync("ZRH", "PACK", "Packaging", Engineer);
        await plant.AddLineAsync("ZRH", "PACK", "PACK-L1", "Packaging line 1", Engineer);
        await plant.AddEquipmentAsync("PACK-L1", "BLP-01", "Blister packer 1", EquipmentClass.BlisterPacker, NoSettings, Engineer);
        await plant.DefineTagAsync("BLP-01", new TagModel("seal_temperature", "Sealing temperature", "°C", 150, 160, 140, 170), Engineer);
    }

    [Fact]
    public async Task BuildsAPlantFromNothingAndAuditsEveryStepWithItsReason()
    {
        await using var mes = await MesTestHost.StartAsync(demo: false);
        var plant = mes.Get<PlantEngineeringService>();

        await BuildSmallPlantAsync(plant);

        var model = await plant.ExportAsync();
        var equipment = model.Sites.Single().Areas.Single().Lines.Single().Equipment.Single();
        Assert.Equal(("BLP-01", EquipmentClass.BlisterPacker), (equipment.Code, equipment.Class));
        Assert.Equal(new TagModel("seal_temperature", "Sealing temperature", "°C", 150, 160, 140, 170), equipment.Tags.Single());
        await using var db = mes.NewContext();
        // Roles are seeded at start-up, by the system; everything else in the trail is the engineer's.
        var trail = await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.Created && e.EntityType != "Role").ToListAsync();
        Assert.Equal(["Area", "Equipment", "Line", "Site", "TagDefinition"], trail.Select(e => e.EntityType).Order().ToList());
        Assert.All(trail, e => Assert.Equal(("Commissioning the packaging hall", "eng.e"), (e.Reason, e.UserName)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task RefusesAChangeWithoutAReasonAndSavesNothing(string? reason)
    {
        await using var mes = await MesTestHost.StartAsync(demo: false);
        var plant = mes.Get<PlantEngineeringService>();

        var refused = await Assert.ThrowsAsync<DomainException>(() => plant.AddSiteAsync("ZRH", "Zurich", Engineer.Because(reason)));

        Assert.Equal(PlantEngineeringService.ReasonRequired, refused.Message);
        Assert.Empty((await plant.ExportAsync()).Sites);
    }

    [Fact]
    public async Task RenamesKeepTheCodeAndAreAudited()
    {
        await using var mes = await MesTestHost.StartAsync(demo: false);
        var plant = mes.Get<PlantEngineeringService>();
        await BuildSmallPlantAsync(plant);

        await plant.RenameAsync(PlantLevel.Equipment, "BLP-01", "Blister packer Uhlmann 1", Engineer.Because("Name on the nameplate"));

        var equipment = (await plant.ExportAsync()).Sites.Single().Areas.Single().Lines.Single().Equipment.Single();
        Assert.Equal(("BLP-01", "Blister packer Uhlmann 1"), (equipment.Code, equipment.Name));
        await using var db = mes.NewContext();
        Assert.Contains(await db.AuditEntries.AsNoTracking().ToListAsync(),
            e => e.EntityType == "Equipment" && e.Action == AuditAction.Changed && e.Field == "Name" && e.NewValue == "Blister packer Uhlmann 1" && e.Reason == "Name on the nameplate");
    }

    [Fact]
    public async Task RevisesATagAndRefusesLimitsOutsideTheNormalRange()
    {
        await using var mes = await MesTestHost.StartAsync(demo: false);
        var plant = mes.Get<PlantEngineeringService>();
        await BuildSmallPlantAsync(plant);

        await plant.ReviseTagAsync("BLP-01", new TagModel("seal_temperature", "Seal jaw temperature", "°C", 152, 158, 145, 165), Engineer);
        await Assert.ThrowsAsync<DomainException>(() =>
            plant.ReviseTagAsync("BLP-01", new TagModel("seal_temperature", "Seal jaw temperature", "°C", 150, 160, 155, 165), Engineer));

        var tag = (await plant.ExportAsync()).Sites.Single().Areas.Single().Lines.Single().Equipment.Single().Tags.Single();
        Assert.Equal(new TagModel("seal_temperature", "Seal jaw temperature", "°C", 152, 158, 145, 165), tag);
    }

    [Fact]
    public async Task RefusesAnEquipmentCodeThatIsTakenOrBreaksTheTopicRules()
    {
        await using var mes = await MesTestHost.StartAsync(demo: false);
        var plant = mes.Get<PlantEngineeringService>();
        await BuildSmallPlantAsync(plant);

        await Assert.ThrowsAsync<DomainException>(() =>
            plant.AddEquipmentAsync("PACK-L1", "BLP-01", "Second packer", EquipmentClass.BlisterPacker, NoSettings, Engineer));
        await Assert.ThrowsAsync<DomainException>(() =>
            plant.AddEquipmentAsync("PACK-L1", "BLP/02", "Second packer", EquipmentClass.BlisterPacker, NoSettings, Engineer));

        Assert.Single((await plant.ExportAsync()).Sites.Single().Areas.Single().Lines.Single().Equipment);
    }
    [Fact]
    public async Task ASparkplugAddressAndAMetricNameAreAuditedAndAnAddressTakenByAnotherEquipmentIsRefused()
    {
        await using var mes = await MesTestHost.StartAsync(demo: false);
        var plant = mes.Get<PlantEngineeringService>();
        await BuildSmallPlantAsync(plant);
        await plant.AddEquipmentAsync("PACK-L1", "CART-01", "Cartoner 1", EquipmentClass.BlisterPacker, NoSettings, Engineer);

        await plant.ChangeEquipmentSettingsAsync("BLP-01", NoSettings, new SparkplugAddress("Gateway_A", "PLC-7", "Packer1"), Engineer.Because("Gateway GW-7, CC-2026-201"));
        await plant.ReviseTagAsync("BLP-01", new TagModel("seal_temperature", "Sealing temperature", "°C", 150, 160, 140, 170, SparkplugMetric: "Sealing/Temperature"),
            Engineer.Because("Gateway GW-7 metric names"));
        var taken = await Assert.ThrowsAsync<DomainException>(() =>
            plant.ChangeEquipmentSettingsAsync("CART-01", NoSettings, new SparkplugAddress("GATEWAY_A", "plc-7", "Packer1"), Engineer));
        var defaultOfAnother = await Assert.ThrowsAsync<DomainException>(() =>
            plant.ChangeEquipmentSettingsAsync("CART-01", NoSettings, new SparkplugAddress("ZRH", "PACK-L1", "BLP-01"), Engineer));
        await plant.ChangeEquipmentSettingsAsync("CART-01", NoSettings, new SparkplugAddress("ZRH", "PACK-L1", "BLP-02"), Engineer);
        var claimedDefault = await Assert.ThrowsAsync<DomainException>(() =>
            plant.AddEquipmentAsync("PACK-L1", "BLP-02", "Blister packer 2", EquipmentClass.BlisterPacker, NoSettings, Engineer));

        Assert.Contains("equipment BLP-01", taken.Message);
        Assert.Contains("default address of equipment BLP-01", defaultOfAnother.Message);
        Assert.Contains("CART-01", claimedDefault.Message);
        var equipment = (await plant.ExportAsync()).Sites.Single().Areas.Single().Lines.Single().Equipment;
        Assert.Equal(["BLP-01", "CART-01"], equipment.Select(e => e.Code));
        Assert.Equal(new SparkplugAddressModel("Gateway_A", "PLC-7", "Packer1"), equipment[0].SparkplugAddress);
        Assert.Equal("Sealing/Temperature", equipment[0].Tags.Single().SparkplugMetric);
        await using var db = mes.NewContext();
        var trail = await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.Changed).ToListAsync();
        Assert.Contains(trail, e => e.EntityType == "Equipment" && e.Field == nameof(Equipment.SparkplugGroupId) && e.NewValue == "Gateway_A" && e.Reason == "Gateway GW-7, CC-2026-201");
        Assert.Contains(trail, e => e.EntityType == "TagDefinition" && e.Field == nameof(TagDefinition.SparkplugMetric) && e.NewValue == "Sealing/Temperature"
            && e.Reason == "Gateway GW-7 metric names");
    }

    [Fact]
    public async Task SavesCleaningRulesAndCalibrationIntervalAndKeepsWhatAChangeLeavesOut()
    {
        await using var mes = await MesTestHost.StartAsync(demo: false);
        var plant = mes.Get<PlantEngineeringService>();
        await BuildSmallPlantAsync(plant);

        await plant.ChangeEquipmentSettingsAsync("BLP-01", new EquipmentSettings(24, 12, false, 90), Engineer.Because("Cleaning validation CV-114"));
        await plant.ChangeEquipmentSettingsAsync("BLP-01", new EquipmentSettings(null, 8, null, null), Engineer.Because("Dirty hold study DH-7"));
        await Assert.ThrowsAsync<DomainException>(() =>
            plant.ChangeEquipmentSettingsAsync("BLP-01", new EquipmentSettings(24, 12, false, Equipment.MaxCalibrationIntervalDays + 1), Engineer));

        var equipment = (await plant.ExportAsync()).Sites.Single().Areas.Single().Lines.Single().Equipment.Single();
        Assert.Equal(new EquipmentSettings(24, 8, false, 90), equipment.Settings);
        await using var db = mes.NewContext();
        var unit = await db.Equipment.AsNoTracking().SingleAsync();
        Assert.Equal((TimeSpan.FromHours(24), TimeSpan.FromHours(8), false, 90),
            (unit.CleanHoldTime, unit.DirtyHoldTime, unit.ProductChangeNeedsMajorClean, unit.CalibrationIntervalDays));
        Assert.Contains(await db.AuditEntries.AsNoTracking().ToListAsync(),
            e => e.EntityType == "Equipment" && e.Field == nameof(Equipment.CalibrationIntervalDays) && e.NewValue == "90" && e.Reason == "Cleaning validation CV-114");
    }

    [Fact]
    public async Task ANewEquipmentWithoutSettingsStartsWithTheDefaultRules()
    {
        await using var mes = await MesTestHost.StartAsync(demo: false);
        var plant = mes.Get<PlantEngineeringService>();
        await BuildSmallPlantAsync(plant);

        var settings = (await plant.ExportAsync()).Sites.Single().Areas.Single().Lines.Single().Equipment.Single().Settings;

        Assert.Equal(new EquipmentSettings(CleaningRules.Default.CleanHoldTime.TotalHours, CleaningRules.Default.DirtyHoldTime.TotalHours,
            CleaningRules.Default.ProductChangeNeedsMajorClean, Equipment.DefaultCalibrationIntervalDays), settings);
    }

    [Fact]
    public async Task RetiresEquipmentWithItsReasonKeepsItAndRefusesItForBatches()
    {
        await using var mes = await MesTestHost.StartAsync(demo: false);
        var plant = mes.Get<PlantEngineeringService>();
        await BuildSmallPlantAsync(plant);

        await plant.RetireAsync("BLP-01", Engineer.Because("Replaced by BLP-02, change control CC-2026-201"));
        var again = await Assert.ThrowsAsync<DomainException>(() => plant.RetireAsync("BLP-01", Engineer.Because("Twice")));

        Assert.Contains("was retired", again.Message);
        var model = (await plant.ExportAsync()).Sites.Single().Areas.Single().Lines.Single().Equipment.Single();
        Assert.True(model.Retired);
        await using var db = mes.NewContext();
        var unit = await db.Equipment.AsNoTracking().Include(e => e.Tags).SingleAsync();
        Assert.Equal((EquipmentStatus.Retired, "Replaced by BLP-02, change control CC-2026-201"), (unit.Status, unit.RetiredReason));
        Assert.Single(unit.Tags);
        // The logbook says who retired it, not only when and why.
        var logbook = await mes.Get<PharmaMes.Infrastructure.Maintenance.EquipmentLogbookService>().GetAsync("BLP-01",
            DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1),
            new HashSet<PharmaMes.Infrastructure.Maintenance.LogbookEntryKind> { PharmaMes.Infrastructure.Maintenance.LogbookEntryKind.Retirement });
        var retirement = Assert.Single(logbook!.Entries);
        Assert.Equal(Engineer.Name, retirement.By);
        Assert.Contains(unit.ReasonsNotUsable(DateTimeOffset.UtcNow), r => r.Contains("retired", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AnImportedPlantSetsTheCleaningRulesItCarries()
    {
        await using var mes = await MesTestHost.StartAsync(demo: false);
        var plant = mes.Get<PlantEngineeringService>();
        await BuildSmallPlantAsync(plant);
        var model = await plant.ExportAsync();
        var line = model.Sites.Single().Areas.Single().Lines.Single();
        var changed = model with
        {
            Sites = [model.Sites.Single() with { Areas = [model.Sites.Single().Areas.Single() with { Lines = [line with
            {
                Equipment = [line.Equipment.Single() with { Settings = new EquipmentSettings(36, null, null, 30) }],
            }] }] }],
        };

        var result = await plant.ImportAsync(changed, Engineer.Because("Revalidated cleaning"));

        Assert.Empty(result.Errors);
        Assert.Equal(1, result.Changed);
        var settings = (await plant.ExportAsync()).Sites.Single().Areas.Single().Lines.Single().Equipment.Single().Settings;
        Assert.Equal(new EquipmentSettings(36, CleaningRules.Default.DirtyHoldTime.TotalHours, CleaningRules.Default.ProductChangeNeedsMajorClean, 30), settings);
    }
}

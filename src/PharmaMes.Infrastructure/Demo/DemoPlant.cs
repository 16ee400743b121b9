using PharmaMes.Domain.Common;
using PharmaMes.Domain.Performance;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Demo;

/// <summary>
/// The demo site PLANT1: an oral-solid-dose tablet line and a biologics area, with the tags and
/// limits such equipment really reports. Alarm limits are the proven acceptable range; the
/// normal range is where a well-run process stays.
/// </summary>
internal static class DemoPlant
{

    public static Site Build(DateTimeOffset now)
    {
        var site = new Site(new PlantCode("PLANT1"), "Demo pharmaceutical site");

        var osd = site.AddArea(new PlantCode("OSD"), "Oral solid dose");
        var tablets = osd.AddLine(new PlantCode("OSD-L1"), "Tablet line 1");

        var booth = Add(tablets, "DISP-01", "Dispensing booth 1", EquipmentClass.DispensingBooth, now);
        Tag(booth, "weight", "Scale weight", "kg", (0, 120), (0, 150));
        booth.AssignTagRole(new TagName("weight"), TagRole.ScaleWeight);
        Tag(booth, "air_velocity", "Downflow air velocity", "m/s", (0.40, 0.50), (0.36, 0.54));

        var granulator = Add(tablets, "GRAN-01", "High-shear granulator 1", EquipmentClass.HighShearGranulator, now);
        Tag(granulator, "impeller_speed", "Impeller speed", "rpm", (180, 260), (150, 300));
        Tag(granulator, "chopper_speed", "Chopper speed", "rpm", (1200, 2800), (1000, 3000));
        Tag(granulator, "power", "Impeller power consumption", "kW", (4, 12), (0, 15));
        Tag(granulator, "product_temperature", "Product temperature", "°C", (22, 35), (18, 40));

        var dryer = Add(tablets, "FBD-01", "Fluid-bed dryer 1", EquipmentClass.FluidBedDryer, now);
        Tag(dryer, "inlet_air_temperature", "Inlet air temperature", "°C", (58, 62), (55, 65));
        Tag(dryer, "product_temperature", "Product temperature", "°C", (38, 42), (35, 45));
        Tag(dryer, "air_flow", "Process air flow", "m³/h", (900, 1100), (800, 1200));

        var press = Add(tablets, "TP-01", "Rotary tablet press 1", EquipmentClass.TabletPress, now);
        Tag(press, "speed", "Press speed", "tablets/min", (2500, 3500), (0, 4000));
        Tag(press, "compression_force", "Main compression force", "kN", (12, 18), (10, 20));
        Tag(press, "tablet_weight", "Tablet weight", "mg", (497, 503), (495, 505));

        // The older second press: slower, but it lets the schedule move compression when the first one fails.
        var secondPress = Add(tablets, "TP-02", "Rotary tablet press 2", EquipmentClass.TabletPress, now);
        Tag(secondPress, "speed", "Press speed", "tablets/min", (2200, 3000), (0, 3500));
        Tag(secondPress, "compression_force", "Main compression force", "kN", (12, 18), (10, 20));
        Tag(secondPress, "tablet_weight", "Tablet weight", "mg", (497, 503), (495, 505));

        var coater = Add(tablets, "COAT-01", "Pan coater 1", EquipmentClass.Coater, now);
        Tag(coater, "inlet_air_temperature", "Inlet air temperature", "°C", (55, 65), (50, 70));
        Tag(coater, "pan_speed", "Pan speed", "rpm", (6, 12), (4, 15));
        Tag(coater, "spray_rate", "Spray rate", "g/min", (120, 180), (100, 200));

        var packer = Add(tablets, "BLIS-01", "Blister packer 1", EquipmentClass.BlisterPacker, now);
        Tag(packer, "sealing_temperature", "Sealing temperature", "°C", (145, 155), (140, 160));
        Tag(packer, "speed", "Packer speed", "blisters/min", (250, 350), (0, 400));

        var biologics = site.AddArea(new PlantCode("BIO"), "Biologics");
        var upstream = biologics.AddLine(new PlantCode("BIO-L1"), "mAb production train 1");

        var bioreactor = Add(upstream, "BR-01", "2,000 L bioreactor 1", EquipmentClass.Bioreactor, now);
        // A culture runs for two weeks in the vessel sterilised before it.
        bioreactor.SetCleaningRules(new CleaningRules(TimeSpan.FromDays(14), TimeSpan.FromHours(24), productChangeNeedsMajorClean: true));
        Tag(bioreactor, "temperature", "Culture temperature", "°C", (36.8, 37.2), (36.5, 37.5));
        Tag(bioreactor, "ph", "pH", "pH", (7.0, 7.2), (6.9, 7.3));
        Tag(bioreactor, "dissolved_oxygen", "Dissolved oxygen", "%", (35, 55), (30, 60));
        Tag(bioreactor, "agitation", "Agitation speed", "rpm", (90, 130), (70, 150));

        var skid = Add(upstream, "CHROM-01", "Protein A chromatography skid 1", EquipmentClass.ChromatographySkid, now);
        Tag(skid, "uv_absorbance", "UV absorbance at 280 nm", "mAU", (0, 1500), (0, 2500));
        Tag(skid, "conductivity", "Conductivity", "mS/cm", (10, 20), (5, 25));
        Tag(skid, "pressure", "Column pressure", "bar", (0.5, 2.5), (0, 3));
        Tag(skid, "flow_rate", "Flow rate", "L/h", (180, 220), (150, 250));

        var filling = biologics.AddLine(new PlantCode("FILL-L1"), "Aseptic filling line 1");
        var filler = Add(filling, "FILL-01", "Vial filler 1", EquipmentClass.Filler, now);
        Tag(filler, "fill_weight", "Fill weight", "g", (10.10, 10.30), (10.00, 10.40));
        Tag(filler, "speed", "Filling speed", "vials/min", (250, 350), (0, 400));
        Tag(filler, "particle_count", "Non-viable particles ≥0.5 µm", "/m³", (0, 2000), (0, 3520));

        // Ideal rates for OEE: the machines' rated speeds, a little above where the process normally runs.
        press.SetIdealRate(4_000);
        // Paracetamol 500 mg tablets are large: the press makes them more slowly than its rated speed.
        press.SetProductRates([new ProductIdealRate("FG-PARA500", 3_600)]);
        secondPress.SetIdealRate(3_500);
        secondPress.SetProductRates([new ProductIdealRate("FG-PARA500", 3_000)]);
        packer.SetIdealRate(400);
        filler.SetIdealRate(400);

        MakeFit(now, [booth, granulator, dryer, press, coater, packer, bioreactor, skid, filler, secondPress]);
        return site;
    }

    /// <summary>
    /// The tablet line works three 8-hour shifts (06:00, 14:00, 22:00 UTC) every day, with a 30-minute break each, so a
    /// demo opened on any day shows planned time. The biologics lines have no calendar: they are planned around the clock.
    /// </summary>
    public static ShiftCalendar TabletLineShifts()
    {
        var half = new ShiftBreak(TimeSpan.FromHours(4), TimeSpan.FromMinutes(30));
        return new ShiftCalendar("OSD-L1", "UTC",
        [
            new ShiftPattern("Early", new TimeOnly(6, 0), TimeSpan.FromHours(8), breaks: [half]),
            new ShiftPattern("Late", new TimeOnly(14, 0), TimeSpan.FromHours(8), breaks: [half]),
            new ShiftPattern("Night", new TimeOnly(22, 0), TimeSpan.FromHours(8), breaks: [half]),
        ]);
    }

    /// <summary>
    /// Every equipment calibrated, Idle for a week and cleaned before the demo week: fit for the batches replayed on it.
    /// The shift in progress the demo opens on comes after them (<see cref="DemoShiftScene"/>).
    /// </summary>
    private static void MakeFit(DateTimeOffset now, IEnumerable<Equipment> all)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var index = 0;
        foreach (var equipment in all)
        {
            // Due dates spread over the next weeks: in a demo left running, calibrations fall due one after another.
            equipment.RecordCalibration(today.AddMonths(-5), today.AddDays(2 + 3 * index++));
            equipment.ChangeState(EquipmentState.Idle, now.AddDays(-7));
            Clean(equipment, now.AddDays(-6));
        }
    }

    /// <summary>A major cleaning done and verified at one moment: the demo's history before the shift it opens on.</summary>
    public static void Clean(Equipment equipment, DateTimeOffset at) => equipment.AcceptCleaning(CleaningMethod.Major, at, at);

    private static Equipment Add(Line line, string code, string name, EquipmentClass equipmentClass, DateTimeOffset now) =>
        line.AddEquipment(new PlantCode(code), name, equipmentClass, now.AddDays(-30));

    private static void Tag(Equipment equipment, string name, string description, string unit, (double Low, double High) normal, (double Low, double High) alarm) =>
        equipment.DefineTag(new TagName(name), description, new UnitOfMeasure(unit), new ValueRange(normal.Low, normal.High), new ValueRange(alarm.Low, alarm.High));
}

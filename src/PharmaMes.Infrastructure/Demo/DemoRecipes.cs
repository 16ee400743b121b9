using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Recipes;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Recipes;

namespace PharmaMes.Infrastructure.Demo;

/// <summary>
/// The master batch records of the two demo products: version 1 of each written by the supervisor and
/// approved by QA, and a Draft version 2 of the tablets with a raised compression force, so that a
/// reviewer has a change to compare and approve. Quantities are for one standard batch.
/// </summary>
internal static class DemoRecipes
{
    private const string Author = "supervisor";
    private const string Approver = "qa";

    /// <summary>Seeds the recipes when there is none yet; needs the demo users (author and approver).</summary>
    public static async Task SeedAsync(IDbContextFactory<MesDbContext> contexts, AuditActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(actor, cancellationToken);
        if (await db.MasterRecipes.AnyAsync(cancellationToken))
            return;
        var people = await db.Users.AsNoTracking().Where(u => u.UserName == Author || u.UserName == Approver).ToListAsync(cancellationToken);
        var author = people.SingleOrDefault(u => u.UserName == Author);
        var approver = people.SingleOrDefault(u => u.UserName == Approver);
        if (author is null || approver is null)
            return;

        var tablets = Tablets(author.Id, author.FullName, now.AddDays(-90));
        var mab = Antibody(author.Id, author.FullName, now.AddDays(-120));
        foreach (var (recipe, approvedAt) in new[] { (tablets, now.AddDays(-85)), (mab, now.AddDays(-110)) })
        {
            recipe.Approve(approver.Id, approvedAt);
            // The seeder knows no password: it writes the approval signature as the signing would have.
            db.Signatures.Add(new ElectronicSignature(approver.Id, approver.UserName!, approver.FullName, SignatureMeaning.Approved, approvedAt,
                RecipeService.SubjectType, recipe.Id, recipe.Content(), "Approved for routine production after process validation."));
        }

        var draft = tablets.NewVersion(author.Id, author.FullName, now.AddDays(-3));
        // Hardness trended to the low end of its limits: a higher force is proposed.
        var force = draft.FindStep(4)!.FindParameter("Main compression force")!;
        draft.UpdateParameter(4, force.Name, force.Unit, 16, force.Limits);

        db.MasterRecipes.AddRange(tablets, mab, draft);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Paracetamol 500 mg film-coated tablets: 300,000 tablets of 670 mg cores (wet granulation),
    /// 3 % film coat, in blisters of 10, 2 blisters per carton.
    /// </summary>
    private static MasterRecipe Tablets(Guid authorId, string authorName, DateTimeOffset at)
    {
        var recipe = MasterRecipe.Create(new MaterialCode("FG-PARA500"), "Paracetamol 500 mg film-coated tablets",
            new Quantity(300_000, "pcs"), authorId, authorName, at,
            "Wet granulation, fluid-bed drying, compression to 670 mg cores, aqueous film coating, blister packing (10 per blister, 2 blisters per carton).");

        recipe.AddStep("Dispensing",
            "Check the downflow booth is clean and its air velocity in range. Weigh each material of the bill of materials for step 1 into a clean, " +
            "labelled container: only Released lots within expiry; scan lot and container. A second person verifies every weighing.",
            EquipmentClass.DispensingBooth, requiresVerification: true);
        Check(recipe, 1, "Downflow air velocity", "m/s", 0.36, 0.54);
        Check(recipe, 1, "Room relative humidity", "%", 30, 60);
        Material(recipe, "API-PARA", 150, "kg", 0.5m, 0.5m, 1);
        Material(recipe, "EXC-MCC", 37.5m, "kg", 2, 2, 1);
        Material(recipe, "EXC-PVP", 5.25m, "kg", 2, 2, 1);
        Material(recipe, "EXC-CROS", 6.75m, "kg", 2, 2, 1);
        Material(recipe, "EXC-MGST", 1.5m, "kg", 2, 2, 1);

        recipe.AddStep("Granulation",
            "Load API-PARA, EXC-MCC and EXC-CROS; dry mix 5 min. Dissolve EXC-PVP in 30 kg purified water and add it over 4 min " +
            "with impeller and chopper running; wet mass 2 min. Stop at the power end point and discharge to the fluid-bed dryer.",
            EquipmentClass.HighShearGranulator);
        Parameter(recipe, 2, "Impeller speed", "rpm", 220, 180, 260);
        Parameter(recipe, 2, "Chopper speed", "rpm", 2000, 1200, 2800);
        Parameter(recipe, 2, "Dry mixing time", "min", 5, 4, 6);
        Parameter(recipe, 2, "Binder addition time", "min", 4, 3, 5);
        Parameter(recipe, 2, "Wet massing time", "min", 2, 1.5, 3);
        Check(recipe, 2, "Impeller power at end point", "kW", 4, 12);

        recipe.AddStep("Drying",
            "Dry the wet granulate until the loss on drying is within limits. Size the dried granulate through a 1.0 mm screen and weigh the yield.",
            EquipmentClass.FluidBedDryer);
        Parameter(recipe, 3, "Inlet air temperature", "°C", 60, 55, 65);
        Parameter(recipe, 3, "Process air flow", "m³/h", 1000, 800, 1200);
        Parameter(recipe, 3, "End-point product temperature", "°C", 40, 35, 45);
        Capture(recipe, 3, "Inlet air temperature", "inlet_air_temperature", CaptureMode.StepMean);
        Capture(recipe, 3, "Process air flow", "air_flow", CaptureMode.StepMean);
        Capture(recipe, 3, "End-point product temperature", "product_temperature", CaptureMode.AtRecording);
        Check(recipe, 3, "Loss on drying", "%", 1.0, 2.5);

        recipe.AddStep("Compression",
            "Blend the sized granulate with EXC-MGST for 3 min at 12 rpm. Set up 13 mm round punches; adjust fill depth to the target tablet weight " +
            "and the main compression force to reach the hardness. Take the in-process checks at start-up and every 15 min.",
            EquipmentClass.TabletPress, requiresVerification: true);
        Parameter(recipe, 4, "Tablet weight", "mg", 670, 650, 690);
        Parameter(recipe, 4, "Main compression force", "kN", 15, 12, 18);
        Parameter(recipe, 4, "Press speed", "tablets/min", 3000, 2500, 3500);
        Check(recipe, 4, "Hardness", "N", 80, 140);
        Check(recipe, 4, "Thickness", "mm", 5.4, 5.8);
        Check(recipe, 4, "Friability", "%", 0, 1.0);
        Check(recipe, 4, "Disintegration time", "min", 0, 15);

        recipe.AddStep("Coating",
            "Disperse COAT-OPA in purified water to 15 % w/w and stir 45 min. Warm the cores to 40 – 45 °C at jog speed, spray to the target " +
            "weight gain, dry 10 min and cool below 30 °C before discharge.",
            EquipmentClass.Coater);
        Parameter(recipe, 5, "Pan speed", "rpm", 9, 6, 12);
        Parameter(recipe, 5, "Inlet air temperature", "°C", 60, 55, 65);
        Parameter(recipe, 5, "Spray rate", "g/min", 150, 120, 180);
        Capture(recipe, 5, "Pan speed", "pan_speed", CaptureMode.StepMean);
        Capture(recipe, 5, "Inlet air temperature", "inlet_air_temperature", CaptureMode.StepMean);
        Capture(recipe, 5, "Spray rate", "spray_rate", CaptureMode.StepMean);
        Parameter(recipe, 5, "Weight gain", "%", 3.0, 2.5, 3.5);
        Check(recipe, 5, "Product bed temperature", "°C", 40, 46);
        Check(recipe, 5, "Visual defects", "%", 0, 0.5);
        Material(recipe, "COAT-OPA", 7, "kg", 2, 2, 5);

        recipe.AddStep("Packaging",
            "Set up PKG-PVC forming film and PKG-FOIL lidding foil; 10 tablets per blister, 2 blisters and a leaflet per PKG-CARTON. " +
            "Print batch number and expiry on every carton. Challenge the camera and checkweigher at start, every 2 h and at the end.",
            EquipmentClass.BlisterPacker);
        Parameter(recipe, 6, "Sealing temperature", "°C", 150, 145, 155);
        Parameter(recipe, 6, "Packer speed", "blisters/min", 300, 250, 350);
        // The lowest sealing temperature is what puts the seal at risk.
        Capture(recipe, 6, "Sealing temperature", "sealing_temperature", CaptureMode.StepMinimum);
        Capture(recipe, 6, "Packer speed", "speed", CaptureMode.StepMean);
        Check(recipe, 6, "Leak test failed blisters", "pcs", 0, 0);
        Check(recipe, 6, "Cartons with illegible print", "pcs", 0, 0);
        Material(recipe, "PKG-PVC", 1650, "m", 5, 5, 6);
        Material(recipe, "PKG-FOIL", 1650, "m", 5, 5, 6);
        Material(recipe, "PKG-CARTON", 15_300, "pcs", 2, 2, 6);
        return recipe;
    }

    /// <summary>mAb 100 mg/10 mL: a 2,000 L fed-batch CHO culture, protein A capture, aseptic filling of 34,000 vials.</summary>
    private static MasterRecipe Antibody(Guid authorId, string authorName, DateTimeOffset at)
    {
        var recipe = MasterRecipe.Create(new MaterialCode("FG-MAB10"), "mAb 100 mg/10 mL solution for infusion",
            new Quantity(34_000, "pcs"), authorId, authorName, at,
            "Fed-batch CHO culture in the 2,000 L bioreactor, protein A capture with low-pH viral inactivation, aseptic filling into 10R vials.");

        recipe.AddStep("Bioreactor",
            "Charge RM-MEDIA through a 0.2 µm filter, equilibrate to set points and inoculate from the N-1 seed at 0.5 × 10^6 viable cells/mL. " +
            "Add RM-FEED daily from day 3. Sample daily for cell count, viability and metabolites; harvest on day 14.",
            EquipmentClass.Bioreactor, requiresVerification: true);
        Parameter(recipe, 1, "Culture temperature", "°C", 37.0, 36.5, 37.5);
        Parameter(recipe, 1, "pH", "pH", 7.1, 6.9, 7.3);
        Parameter(recipe, 1, "Dissolved oxygen", "%", 40, 30, 60);
        Parameter(recipe, 1, "Agitation speed", "rpm", 110, 70, 150);
        Capture(recipe, 1, "Culture temperature", "temperature", CaptureMode.StepMean);
        Capture(recipe, 1, "pH", "ph", CaptureMode.StepMean);
        Capture(recipe, 1, "Dissolved oxygen", "dissolved_oxygen", CaptureMode.StepMinimum);
        Capture(recipe, 1, "Agitation speed", "agitation", CaptureMode.StepMean);
        Parameter(recipe, 1, "Culture duration", "d", 14, 13, 15);
        Check(recipe, 1, "Viable cell density at harvest", "10^6 cells/mL", 8, 30);
        Check(recipe, 1, "Viability at harvest", "%", 70, 100);
        Check(recipe, 1, "Titre at harvest", "g/L", 2.5, 6.0);
        Material(recipe, "RM-MEDIA", 1400, "L", 1, 1, 1);
        Material(recipe, "RM-FEED", 140, "L", 2, 2, 1);

        recipe.AddStep("Purification (protein A)",
            "Load the clarified harvest on the equilibrated protein A column, wash, and elute at low pH. Hold the eluate at low pH for viral " +
            "inactivation, then neutralise. Sanitise the column after use.",
            EquipmentClass.ChromatographySkid);
        Parameter(recipe, 2, "Load flow rate", "L/h", 200, 180, 220);
        Capture(recipe, 2, "Load flow rate", "flow_rate", CaptureMode.StepMean);
        Parameter(recipe, 2, "Elution pH", "pH", 3.6, 3.4, 3.8);
        Parameter(recipe, 2, "Low-pH hold time", "min", 75, 60, 90);
        Check(recipe, 2, "Maximum column pressure", "bar", 0, 2.5);
        Check(recipe, 2, "Step yield", "%", 80, 100);
        Check(recipe, 2, "High-molecular-weight species", "%", 0, 2.0);

        recipe.AddStep("Filling",
            "Fill the sterile-filtered drug substance into 10R vials under Grade A, stopper and cap. Check fill weights every 30 min and " +
            "monitor particles and viable air continuously.",
            EquipmentClass.Filler, requiresVerification: true);
        Parameter(recipe, 3, "Fill weight", "g", 10.20, 10.10, 10.30);
        Parameter(recipe, 3, "Filling speed", "vials/min", 300, 250, 350);
        Capture(recipe, 3, "Fill weight", "fill_weight", CaptureMode.StepMean);
        Capture(recipe, 3, "Filling speed", "speed", CaptureMode.StepMean);
        Check(recipe, 3, "Non-viable particles ≥0.5 µm", "/m³", 0, 3520);
        Check(recipe, 3, "Viable air, Grade A", "CFU/m³", 0, 0);
        Material(recipe, "PKG-VIAL", 36_000, "pcs", 2, 2, 3);
        return recipe;
    }

    private static void Parameter(MasterRecipe recipe, int step, string name, string unit, double target, double low, double high) =>
        recipe.AddParameter(step, name, new UnitOfMeasure(unit), target, new ValueRange(low, high));

    /// <summary>A parameter the step's equipment reports (a tag of <see cref="DemoPlant"/>): captured, not typed.</summary>
    private static void Capture(MasterRecipe recipe, int step, string name, string tag, CaptureMode mode) =>
        recipe.CaptureParameter(step, name, new TagName(tag), mode);

    private static void Check(MasterRecipe recipe, int step, string name, string unit, double low, double high) =>
        recipe.AddCheck(step, name, new UnitOfMeasure(unit), new ValueRange(low, high));

    private static void Material(MasterRecipe recipe, string code, decimal quantity, string unit, decimal below, decimal above, int step) =>
        recipe.AddMaterial(new MaterialCode(code), new Quantity(quantity, unit), below, above, step);
}

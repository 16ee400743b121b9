using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Recipes;

namespace PharmaMes.Domain.Tests.Recipes;

/// <summary>
/// Builds the recipe the tests use: Paracetamol 500 mg tablets, 100 kg standard batch, three steps
/// (1 Dispensing, verified; 2 Granulation; 3 Compression) and two materials dispensed in step 1.
/// </summary>
internal static class TestRecipes
{
    public static readonly Guid AuthorId = new("0190a000-0000-7000-8000-000000000001");
    public static readonly Guid ApproverId = new("0190a000-0000-7000-8000-000000000002");
    public const string AuthorName = "Anna Author";

    public static readonly DateTimeOffset CreatedAt = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ApprovedAt = new(2026, 11, 21, 15, 0, 0, TimeSpan.Zero);

    public static readonly MaterialCode Product = new("PARA-500");
    public static readonly MaterialCode Paracetamol = new("API-PARA");
    public static readonly MaterialCode Cellulose = new("EXC-MCC");

    public static readonly UnitOfMeasure Kg = new("kg");
    public static readonly UnitOfMeasure Rpm = new("rpm");
    public static readonly UnitOfMeasure Percent = new("%");
    public static readonly UnitOfMeasure KiloNewton = new("kN");
    public static readonly UnitOfMeasure Newton = new("N");

    public static Quantity KgOf(decimal amount) => new(amount, Kg);

    /// <summary>Just created: no steps, no materials.</summary>
    public static MasterRecipe Empty(Guid? authorId = null, DateTimeOffset? at = null) =>
        MasterRecipe.Create(Product, "Paracetamol 500 mg tablets", KgOf(100), authorId ?? AuthorId, AuthorName, at ?? CreatedAt, "Immediate release tablets");

    public static MasterRecipe Draft(Guid? authorId = null, DateTimeOffset? at = null)
    {
        var recipe = Empty(authorId, at);
        recipe.AddStep("Dispensing", "Weigh every material of the bill of materials.", EquipmentClass.DispensingBooth, requiresVerification: true);
        recipe.AddStep("Granulation", "Granulate with purified water until the end point.", EquipmentClass.HighShearGranulator);
        recipe.AddStep("Compression", "Compress to 500 mg tablets.", EquipmentClass.TabletPress);
        recipe.AddMaterial(Paracetamol, KgOf(50), 1, 1, 1);
        recipe.AddMaterial(Cellulose, KgOf(45), 2, 2, 1);
        recipe.AddParameter(2, "Impeller speed", Rpm, 300, new ValueRange(250, 350));
        recipe.AddCheck(2, "Granule moisture", Percent, new ValueRange(1, 3));
        recipe.AddParameter(3, "Main compression force", KiloNewton, 12, new ValueRange(10, 14));
        recipe.AddCheck(3, "Tablet hardness", Newton, new ValueRange(80, 120));
        return recipe;
    }

    public static MasterRecipe Approved()
    {
        var recipe = Draft();
        recipe.Approve(ApproverId, ApprovedAt);
        return recipe;
    }

    public static MasterRecipe Obsolete()
    {
        var recipe = Approved();
        recipe.MakeObsolete(ApprovedAt.AddDays(30));
        return recipe;
    }

    /// <summary>Step numbers and names in order, e.g. "1 Dispensing".</summary>
    public static string[] StepList(MasterRecipe recipe) => [.. recipe.Steps.Select(s => $"{s.Number} {s.Name}")];
}

using FluentValidation;
using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Materials;
using PharmaMes.Web.Endpoints;

namespace PharmaMes.Web.Components.Pages.Materials;

/// <summary>A material's master data as a planner or QA enters it, with the reason for the change.</summary>
public class MaterialForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public MaterialType Type { get; set; } = MaterialType.RawMaterial;
    public string Unit { get; set; } = "";
    public decimal? ReorderPoint { get; set; }
    public decimal? SafetyStock { get; set; }
    public int? ShelfLifeDays { get; set; }
    public string? StorageCondition { get; set; }
    public string Reason { get; set; } = "";

    public static MaterialForm Of(MaterialMasterView m) => new()
    {
        Code = m.Code,
        Name = m.Name,
        Type = m.Type,
        Unit = m.Unit,
        ReorderPoint = m.ReorderPoint,
        SafetyStock = m.SafetyStock,
        ShelfLifeDays = m.ShelfLifeDays,
        StorageCondition = m.StorageCondition,
    };

    public MaterialMasterData ToData() =>
        new(Code.Trim(), Name, Type, Unit.Trim(), ReorderPoint!.Value, SafetyStock!.Value, ShelfLifeDays, StorageCondition);

    /// <summary>The same checks the ERP's material-master requests get, plus the reason a person gives.</summary>
    public sealed class Validator : AbstractValidator<MaterialForm>
    {
        public Validator()
        {
            RuleFor(f => f.Code).Must(ErpFieldRules.IsMaterialCode)
                .WithMessage($"A material code: letters, digits, '-', '_' and '.', up to {MaterialCode.MaxLength} characters.");
            RuleFor(f => f.Name).NotEmpty().WithMessage("Give the material's name.")
                .MaximumLength(Material.NameMaxLength).WithMessage($"A material name has at most {Material.NameMaxLength} characters.");
            RuleFor(f => f.Type).IsInEnum().WithMessage("Choose the material type.");
            RuleFor(f => f.Unit).Must(ErpFieldRules.IsUnit).WithMessage(ErpFieldRules.UnitRule);
            RuleFor(f => f.ReorderPoint).NotNull().WithMessage("Give the reorder point (0 for none).")
                .GreaterThanOrEqualTo(0m).WithMessage("The reorder point cannot be negative.");
            RuleFor(f => f.SafetyStock).NotNull().WithMessage("Give the safety stock (0 for none).")
                .GreaterThanOrEqualTo(0m).WithMessage("The safety stock cannot be negative.")
                .Must((f, safety) => f.ReorderPoint is null or < 0m || safety <= f.ReorderPoint).WithMessage("The safety stock cannot be above the reorder point.");
            RuleFor(f => f.ShelfLifeDays).GreaterThan(0).WithMessage("The shelf life is at least one day; leave it empty for none.");
            RuleFor(f => f.StorageCondition).MaximumLength(Material.StorageConditionMaxLength)
                .WithMessage($"A storage condition has at most {Material.StorageConditionMaxLength} characters.");
            RuleFor(f => f.Reason).NotEmpty().WithMessage("Give the reason for the change: it is kept in the audit trail.")
                .MaximumLength(MaterialMasterService.ReasonMaxLength).WithMessage($"The reason has at most {MaterialMasterService.ReasonMaxLength} characters.");
        }
    }
}

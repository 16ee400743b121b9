using FluentValidation;
using PharmaMes.Domain.Materials;

namespace PharmaMes.Web.Endpoints;

/// <summary>The checks a material's master data gets from the ERP's API and from the materials page alike.</summary>
public sealed class MaterialMasterRules : AbstractValidator<IMaterialMasterEntry>
{
    public MaterialMasterRules()
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage("Give the material's name.")
            .MaximumLength(Material.NameMaxLength).WithMessage($"A material name has at most {Material.NameMaxLength} characters.");
        RuleFor(r => r.Unit).Must(ErpFieldRules.IsUnit).WithMessage(ErpFieldRules.UnitRule);
        RuleFor(r => r.ReorderPoint).NotNull().WithMessage("Give the reorder point (0 for none).")
            .GreaterThanOrEqualTo(0m).WithMessage("The reorder point cannot be negative.");
        RuleFor(r => r.SafetyStock).NotNull().WithMessage("Give the safety stock (0 for none).")
            .GreaterThanOrEqualTo(0m).WithMessage("The safety stock cannot be negative.")
            .Must((r, safety) => r.ReorderPoint is null or < 0m || safety <= r.ReorderPoint).WithMessage("The safety stock cannot be above the reorder point.");
        RuleFor(r => r.ShelfLifeDays).GreaterThan(0).WithMessage("The shelf life is at least one day, or absent for none.");
        RuleFor(r => r.StorageCondition).MaximumLength(Material.StorageConditionMaxLength)
            .WithMessage($"A storage condition has at most {Material.StorageConditionMaxLength} characters.");
    }
}

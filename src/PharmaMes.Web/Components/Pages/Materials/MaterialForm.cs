using FluentValidation;
using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Materials;
using PharmaMes.Web.Endpoints;

namespace PharmaMes.Web.Components.Pages.Materials;

/// <summary>A material's master data as a planner or QA enters it, with the reason for the change.</summary>
public class MaterialForm : IMaterialMasterEntry
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

    /// <summary>The rules the ERP's material-master requests get too, plus the code and type as the form holds them and the reason a person gives.</summary>
    public sealed class Validator : AbstractValidator<MaterialForm>
    {
        public Validator()
        {
            RuleFor(f => f.Code).Must(ErpFieldRules.IsMaterialCode)
                .WithMessage($"A material code: letters, digits, '-', '_' and '.', up to {MaterialCode.MaxLength} characters.");
            RuleFor(f => f.Type).IsInEnum().WithMessage("Choose the material type.");
            Include(new MaterialMasterRules());
            RuleFor(f => f.Reason).NotEmpty().WithMessage("Give the reason for the change: it is kept in the audit trail.")
                .MaximumLength(MaterialMasterService.ReasonMaxLength).WithMessage($"The reason has at most {MaterialMasterService.ReasonMaxLength} characters.");
        }
    }
}

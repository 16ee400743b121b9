using FluentValidation;
using PharmaMes.Domain.Materials;

namespace PharmaMes.Web.Endpoints;

/// <summary>What the master data of a material from the ERP must hold: a material type by name, and the rules every material gets.</summary>
public sealed class MaterialMasterRequestValidator : AbstractValidator<MaterialMasterRequest>
{
    public MaterialMasterRequestValidator()
    {
        RuleFor(r => r.Type).Must(ErpFieldRules.IsMaterialType).WithMessage($"One of {string.Join(", ", Enum.GetNames<MaterialType>())}.");
        Include(new MaterialMasterRules());
    }
}

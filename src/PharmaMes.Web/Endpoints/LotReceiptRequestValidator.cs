using FluentValidation;

namespace PharmaMes.Web.Endpoints;

/// <summary>What a goods receipt from the ERP must hold: the material and unit it names, and the receipt rules every lot gets.</summary>
public sealed class LotReceiptRequestValidator : AbstractValidator<LotReceiptRequest>
{
    public LotReceiptRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.Material).Must(ErpFieldRules.IsMaterialCode).WithMessage("Give the material code, e.g. API-PARA.");
        RuleFor(r => r.Unit).Must(ErpFieldRules.IsUnit).WithMessage(ErpFieldRules.UnitRule);
        Include(new LotReceiptRules(clock));
    }
}

using FluentValidation;
using PharmaMes.Domain.Materials;

namespace PharmaMes.Web.Endpoints;

/// <summary>What a goods receipt must hold; a lot whose expiry date is before today (UTC) is not received.</summary>
public sealed class LotReceiptRequestValidator : AbstractValidator<LotReceiptRequest>
{
    public LotReceiptRequestValidator(TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        RuleFor(r => r.Material).Must(ErpFieldRules.IsMaterialCode).WithMessage("Give the material code, e.g. API-PARA.");
        RuleFor(r => r.LotNumber).Must(ErpFieldRules.IsLotNumber)
            .WithMessage($"Give the lot number: up to {LotNumber.MaxLength} letters, digits, '-', '_', '.' or '/'.");
        RuleFor(r => r.Quantity).NotNull().WithMessage("Give the quantity received.")
            .GreaterThan(0m).WithMessage("The quantity must be more than zero.");
        RuleFor(r => r.Unit).Must(ErpFieldRules.IsUnit).WithMessage(ErpFieldRules.UnitRule);
        RuleFor(r => r.ExpiryDate).NotNull().WithMessage("Give the expiry date, e.g. 2028-06-30.")
            .GreaterThanOrEqualTo(today).WithMessage($"The expiry date has passed (today is {today:yyyy-MM-dd} UTC): an expired lot is not received.");
        RuleFor(r => r.SupplierLot).MaximumLength(MaterialLot.SupplierLotMaxLength)
            .WithMessage($"A supplier lot has at most {MaterialLot.SupplierLotMaxLength} characters.");
    }
}

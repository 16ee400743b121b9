using FluentValidation;
using PharmaMes.Domain.Materials;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// The checks every goods receipt gets, from the ERP's API and from the receiving page alike, so the
/// two never accept different lots. A lot whose expiry date is before today (UTC) is not received.
/// </summary>
public sealed class LotReceiptRules : AbstractValidator<ILotReceiptEntry>
{
    public LotReceiptRules(TimeProvider clock)
    {
        RuleFor(r => r.LotNumber).Must(ErpFieldRules.IsLotNumber)
            .WithMessage($"Give the lot number: up to {LotNumber.MaxLength} letters, digits, '-', '_', '.' or '/'.");
        RuleFor(r => r.Quantity).NotNull().WithMessage("Give the quantity received.")
            .GreaterThan(0m).WithMessage("The quantity must be more than zero.");
        // Today is read when the rule runs: a page keeps its rules open past midnight.
        RuleFor(r => r.ExpiryDate).NotNull().WithMessage("Give the expiry date, e.g. 2028-06-30.")
            .Must(date => date is null || date >= Today(clock))
            .WithMessage(_ => $"The expiry date has passed (today is {Today(clock):yyyy-MM-dd} UTC): an expired lot is not received.");
        RuleFor(r => r.SupplierLot).MaximumLength(MaterialLot.SupplierLotMaxLength)
            .WithMessage($"A supplier lot has at most {MaterialLot.SupplierLotMaxLength} characters.");
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

using FluentValidation;
using PharmaMes.Domain.Materials;

namespace PharmaMes.Web.Components.Pages.Inventory;

/// <summary>A lot received at the warehouse, entered by hand: it goes to Quarantine until QA decides.</summary>
public class ReceiveLotForm
{
    public string LotNumber { get; set; } = "";
    public decimal? Quantity { get; set; }
    public DateOnly? ExpiryDate { get; set; }
    public string? SupplierLot { get; set; }

    public sealed class Validator : AbstractValidator<ReceiveLotForm>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(f => f.LotNumber).NotEmpty().WithMessage("Type the lot number from the label.")
                .MaximumLength(Domain.Materials.LotNumber.MaxLength).WithMessage($"A lot number has at most {Domain.Materials.LotNumber.MaxLength} characters.");
            RuleFor(f => f.Quantity).NotNull().WithMessage("Enter the quantity received.")
                .GreaterThan(0).WithMessage("The quantity received must be more than zero.");
            RuleFor(f => f.ExpiryDate).NotNull().WithMessage("Enter the expiry date from the certificate.")
                .Must(d => d is null || d >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("This expiry date has passed: an expired lot cannot be received.");
            RuleFor(f => f.SupplierLot).MaximumLength(MaterialLot.SupplierLotMaxLength).WithMessage($"A supplier lot has at most {MaterialLot.SupplierLotMaxLength} characters.");
        }
    }
}

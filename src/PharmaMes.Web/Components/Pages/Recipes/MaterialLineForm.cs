using FluentValidation;
using PharmaMes.Domain.Recipes;

namespace PharmaMes.Web.Components.Pages.Recipes;

/// <summary>A bill of materials line: amount per standard batch (in the material's unit), tolerance window and dispensing step.</summary>
public sealed class MaterialLineForm
{
    public string MaterialCode { get; set; } = "";
    public decimal? Quantity { get; set; }
    public decimal? TolerancePercentBelow { get; set; }
    public decimal? TolerancePercentAbove { get; set; }
    public int? StepNumber { get; set; }

    public static MaterialLineForm Of(BillOfMaterialsLine line) => new()
    {
        MaterialCode = line.MaterialCode.Value,
        Quantity = line.Quantity.Amount,
        TolerancePercentBelow = line.TolerancePercentBelow,
        TolerancePercentAbove = line.TolerancePercentAbove,
        StepNumber = line.StepNumber,
    };

    public sealed class Validator : AbstractValidator<MaterialLineForm>
    {
        public Validator()
        {
            RuleFor(f => f.MaterialCode).NotEmpty().WithMessage("Choose the material.");
            RuleFor(f => f.Quantity).NotNull().WithMessage("Enter the quantity for one standard batch.")
                .GreaterThan(0).WithMessage("The quantity must be more than zero.");
            RuleFor(f => f.TolerancePercentBelow).NotNull().WithMessage("Enter the tolerance below target (0 if none).")
                .InclusiveBetween(0, 100).WithMessage("The tolerance is a percentage from 0 to 100.");
            RuleFor(f => f.TolerancePercentAbove).NotNull().WithMessage("Enter the tolerance above target (0 if none).")
                .InclusiveBetween(0, 100).WithMessage("The tolerance is a percentage from 0 to 100.");
            RuleFor(f => f.StepNumber).NotNull().WithMessage("Choose the step that dispenses it.")
                .GreaterThan(0).WithMessage("Choose the step that dispenses it.");
        }
    }
}

using FluentValidation;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Recipes;

namespace PharmaMes.Web.Components.Pages.Recipes;

/// <summary>An in-process check: what is measured, in which unit, and the limits it must meet.</summary>
public sealed class CheckForm
{
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public double? Low { get; set; }
    public double? High { get; set; }

    public static CheckForm Of(InProcessCheck check) => new() { Name = check.Name, Unit = check.Unit.Symbol, Low = check.Limits.Low, High = check.Limits.High };

    public sealed class Validator : AbstractValidator<CheckForm>
    {
        public Validator()
        {
            RuleFor(f => f.Name).NotEmpty().WithMessage("Name the check, e.g. Hardness.")
                .MaximumLength(InProcessCheck.NameMaxLength).WithMessage($"Keep the name to {InProcessCheck.NameMaxLength} characters.");
            RuleFor(f => f.Unit).NotEmpty().WithMessage("Enter the unit, e.g. N, %, mm.")
                .MaximumLength(UnitOfMeasure.MaxLength).WithMessage($"Keep the unit to {UnitOfMeasure.MaxLength} characters.");
            RuleFor(f => f.Low).NotNull().WithMessage("Enter the low limit.");
            RuleFor(f => f.High).NotNull().WithMessage("Enter the high limit.")
                .GreaterThanOrEqualTo(f => f.Low).When(f => f.Low is not null).WithMessage("The high limit must not be below the low limit.");
        }
    }
}

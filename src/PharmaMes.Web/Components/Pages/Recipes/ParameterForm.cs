using FluentValidation;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Recipes;

namespace PharmaMes.Web.Components.Pages.Recipes;

/// <summary>A process parameter: set point (target) and the limits the recorded value must stay within.</summary>
public sealed class ParameterForm
{
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public double? Target { get; set; }
    public double? Low { get; set; }
    public double? High { get; set; }
    /// <summary>The equipment tag the value is captured from; empty when the operator types it.</summary>
    public string? CaptureTag { get; set; }
    public CaptureMode Capture { get; set; }

    public static ParameterForm Of(ProcessParameter parameter) => new()
    {
        Name = parameter.Name,
        Unit = parameter.Unit.Symbol,
        Target = parameter.Target,
        Low = parameter.Limits.Low,
        High = parameter.Limits.High,
        CaptureTag = parameter.CaptureTag?.Value,
        Capture = parameter.CaptureMode,
    };

    public sealed class Validator : AbstractValidator<ParameterForm>
    {
        public Validator()
        {
            RuleFor(f => f.Name).NotEmpty().WithMessage("Name the parameter, e.g. Impeller speed.")
                .MaximumLength(ProcessParameter.NameMaxLength).WithMessage($"Keep the name to {ProcessParameter.NameMaxLength} characters.");
            RuleFor(f => f.Unit).NotEmpty().WithMessage("Enter the unit, e.g. rpm, °C, kN.")
                .MaximumLength(UnitOfMeasure.MaxLength).WithMessage($"Keep the unit to {UnitOfMeasure.MaxLength} characters.");
            RuleFor(f => f.Low).NotNull().WithMessage("Enter the low limit.");
            RuleFor(f => f.High).NotNull().WithMessage("Enter the high limit.")
                .GreaterThanOrEqualTo(f => f.Low).When(f => f.Low is not null).WithMessage("The high limit must not be below the low limit.");
            RuleFor(f => f.Target).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter the target (set point).")
                .Must((f, target) => target >= f.Low && target <= f.High)
                .When(f => f.Low is not null && f.High is not null && f.Low <= f.High)
                .WithMessage(f => $"The target must lie within the limits {f.Low} – {f.High}.");
            RuleFor(f => f.CaptureTag).Matches("^[a-z][a-z0-9_]*$").When(f => !string.IsNullOrWhiteSpace(f.CaptureTag))
                .WithMessage("A tag name is lower-case letters, digits and '_', as the plant model names it, e.g. inlet_air_temperature.");
        }
    }
}

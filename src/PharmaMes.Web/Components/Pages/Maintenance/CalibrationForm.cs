using FluentValidation;
using PharmaMes.Domain.Upkeep;

namespace PharmaMes.Web.Components.Pages.Maintenance;

/// <summary>A calibration as the technician records it from the calibration sheet.</summary>
public class CalibrationForm
{
    public string Instrument { get; set; } = "";
    public string ReferenceStandard { get; set; } = "";
    public string StandardCertificate { get; set; } = "";
    public string AsFound { get; set; } = "";
    public string AsLeft { get; set; } = "";
    public bool Passed { get; set; } = true;
    public DateOnly? CalibratedOn { get; set; }
    public DateOnly? NextDueOn { get; set; }
    public string? Comment { get; set; }

    public sealed class Validator : AbstractValidator<CalibrationForm>
    {
        public Validator(Func<DateOnly> today)
        {
            RuleFor(f => f.Instrument).NotEmpty().WithMessage("Which instrument was calibrated?")
                .MaximumLength(CalibrationRecord.TextMaxLength).WithMessage($"At most {CalibrationRecord.TextMaxLength} characters.");
            RuleFor(f => f.ReferenceStandard).NotEmpty().WithMessage("Name the reference standard (e.g. E2 weight set 20 kg).")
                .MaximumLength(CalibrationRecord.TextMaxLength).WithMessage($"At most {CalibrationRecord.TextMaxLength} characters.");
            RuleFor(f => f.StandardCertificate).NotEmpty().WithMessage("Give the standard's certificate number.")
                .MaximumLength(CalibrationRecord.TextMaxLength).WithMessage($"At most {CalibrationRecord.TextMaxLength} characters.");
            RuleFor(f => f.AsFound).NotEmpty().WithMessage("What did the instrument read before adjustment?")
                .MaximumLength(CalibrationRecord.TextMaxLength).WithMessage($"At most {CalibrationRecord.TextMaxLength} characters.");
            RuleFor(f => f.AsLeft).NotEmpty().WithMessage("What did it read when you left it?")
                .MaximumLength(CalibrationRecord.TextMaxLength).WithMessage($"At most {CalibrationRecord.TextMaxLength} characters.");
            RuleFor(f => f.CalibratedOn).NotNull().WithMessage("On which day was it calibrated?")
                .Must(d => d is null || d <= today()).WithMessage("A calibration cannot be dated in the future.");
            RuleFor(f => f.NextDueOn).NotNull().When(f => f.Passed).WithMessage("When is the next calibration due?")
                .Must((f, next) => next is null || f.CalibratedOn is null || next > f.CalibratedOn).When(f => f.Passed)
                .WithMessage("The next calibration must be due after this one.");
            RuleFor(f => f.Comment).MaximumLength(CalibrationRecord.CommentMaxLength).WithMessage($"At most {CalibrationRecord.CommentMaxLength} characters.");
        }
    }
}

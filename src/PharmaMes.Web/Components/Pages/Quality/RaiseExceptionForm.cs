using FluentValidation;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Quality;

namespace PharmaMes.Web.Components.Pages.Quality;

/// <summary>A quality exception raised by hand: what happened, how serious, and against which batch and step if any.</summary>
public class RaiseExceptionForm
{
    public QualityExceptionSeverity Severity { get; set; } = QualityExceptionSeverity.Minor;
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string? BatchNumber { get; set; }
    public int? StepNumber { get; set; }

    public sealed class Validator : AbstractValidator<RaiseExceptionForm>
    {
        public Validator()
        {
            RuleFor(f => f.Title).NotEmpty().WithMessage("Say in a few words what happened.")
                .MaximumLength(QualityException.TitleMaxLength).WithMessage($"Keep the title to {QualityException.TitleMaxLength} characters.");
            RuleFor(f => f.Description).NotEmpty().WithMessage("Describe what was seen, where and when.")
                .MaximumLength(QualityException.DescriptionMaxLength).WithMessage($"Keep the description to {QualityException.DescriptionMaxLength} characters.");
            RuleFor(f => f.BatchNumber).MaximumLength(Domain.Production.BatchNumber.MaxLength).WithMessage($"A batch number has at most {Domain.Production.BatchNumber.MaxLength} characters.");
            RuleFor(f => f.StepNumber).GreaterThan(0).WithMessage("Steps are numbered from 1.")
                .Must((form, step) => step is null || !string.IsNullOrWhiteSpace(form.BatchNumber)).WithMessage("Give the batch the step belongs to.");
        }
    }
}

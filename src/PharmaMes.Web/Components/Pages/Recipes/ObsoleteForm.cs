using FluentValidation;

namespace PharmaMes.Web.Components.Pages.Recipes;

/// <summary>Why an approved version is withdrawn; the reason is kept in the audit trail.</summary>
public sealed class ObsoleteForm
{
    public const int ReasonMaxLength = 500;

    public string Reason { get; set; } = "";

    public sealed class Validator : AbstractValidator<ObsoleteForm>
    {
        public Validator()
        {
            RuleFor(f => f.Reason).NotEmpty().WithMessage("Give the reason the version is withdrawn.")
                .MinimumLength(5).WithMessage("Write the reason in a few words, e.g. \"Product discontinued\".")
                .MaximumLength(ReasonMaxLength).WithMessage($"Keep the reason to {ReasonMaxLength} characters.");
        }
    }
}

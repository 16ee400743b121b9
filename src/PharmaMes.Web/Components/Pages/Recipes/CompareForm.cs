using FluentValidation;

namespace PharmaMes.Web.Components.Pages.Recipes;

/// <summary>The two versions of one product to compare: from (older) and to (newer).</summary>
public sealed class CompareForm
{
    public Guid? From { get; set; }
    public Guid? To { get; set; }

    public sealed class Validator : AbstractValidator<CompareForm>
    {
        public Validator()
        {
            RuleFor(f => f.From).NotNull().WithMessage("Choose the version to compare from.");
            RuleFor(f => f.To).NotNull().WithMessage("Choose the version to compare with.")
                .NotEqual(f => f.From).When(f => f.From is not null).WithMessage("Choose two different versions.");
        }
    }
}

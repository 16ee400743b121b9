using FluentValidation;

namespace PharmaMes.Web.Components.Pages.Recipes;

/// <summary>The first version of a product's master batch record: the product it makes and its header.</summary>
public sealed class NewRecipeForm : HeaderForm
{
    public string ProductCode { get; set; } = "";

    public new sealed class Validator : AbstractValidator<NewRecipeForm>
    {
        public Validator()
        {
            RuleFor(f => f.ProductCode).NotEmpty().WithMessage("Choose the product the recipe makes.");
            Include(new HeaderForm.Validator());
        }
    }
}

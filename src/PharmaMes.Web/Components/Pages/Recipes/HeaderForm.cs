using FluentValidation;
using PharmaMes.Domain.Recipes;

namespace PharmaMes.Web.Components.Pages.Recipes;

/// <summary>The header of a draft as its author edits it; the batch size is in the product's unit.</summary>
public class HeaderForm
{
    public string ProductName { get; set; } = "";
    public decimal? StandardBatchSize { get; set; }
    public string? Description { get; set; }

    public static HeaderForm Of(MasterRecipe recipe) =>
        new() { ProductName = recipe.ProductName, StandardBatchSize = recipe.StandardBatchSize.Amount, Description = recipe.Description };

    public sealed class Validator : AbstractValidator<HeaderForm>
    {
        public Validator()
        {
            RuleFor(f => f.ProductName).NotEmpty().WithMessage("Enter the product name as it appears on the batch record.")
                .MaximumLength(MasterRecipe.ProductNameMaxLength).WithMessage($"Keep the product name to {MasterRecipe.ProductNameMaxLength} characters.");
            RuleFor(f => f.StandardBatchSize).NotNull().WithMessage("Enter the standard batch size.")
                .GreaterThan(0).WithMessage("The standard batch size must be more than zero.");
            RuleFor(f => f.Description).MaximumLength(MasterRecipe.DescriptionMaxLength)
                .WithMessage($"Keep the description to {MasterRecipe.DescriptionMaxLength} characters.");
        }
    }
}

using FluentValidation;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Recipes;

namespace PharmaMes.Web.Components.Pages.Recipes;

/// <summary>A recipe step as its author writes it.</summary>
public sealed class StepForm
{
    public string Name { get; set; } = "";
    public string Instructions { get; set; } = "";
    public EquipmentClass? RequiredEquipmentClass { get; set; }
    public bool RequiresVerification { get; set; }

    public static StepForm Of(RecipeStep step) => new()
    {
        Name = step.Name,
        Instructions = step.Instructions,
        RequiredEquipmentClass = step.RequiredEquipmentClass,
        RequiresVerification = step.RequiresVerification,
    };

    public sealed class Validator : AbstractValidator<StepForm>
    {
        public Validator()
        {
            RuleFor(f => f.Name).NotEmpty().WithMessage("Name the step, e.g. Granulation.")
                .MaximumLength(RecipeStep.NameMaxLength).WithMessage($"Keep the step name to {RecipeStep.NameMaxLength} characters.");
            RuleFor(f => f.Instructions).NotEmpty().WithMessage("Write what the operator does in this step.")
                .MaximumLength(RecipeStep.InstructionsMaxLength).WithMessage($"Keep the instructions to {RecipeStep.InstructionsMaxLength} characters.");
            RuleFor(f => f.RequiredEquipmentClass).IsInEnum().WithMessage("Choose an equipment class from the list.");
        }
    }
}

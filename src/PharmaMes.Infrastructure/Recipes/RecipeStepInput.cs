using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Recipes;

/// <summary>What an author writes for a step: name, instructions, the class of equipment it runs on, whether a second person verifies it.</summary>
public sealed record RecipeStepInput(string? Name, string? Instructions, EquipmentClass? RequiredEquipmentClass, bool RequiresVerification);

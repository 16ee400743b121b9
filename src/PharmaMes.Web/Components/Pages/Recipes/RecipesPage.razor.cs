using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Recipes;

namespace PharmaMes.Web.Components.Pages.Recipes;

/// <summary>Every master batch record version; editors start the record of a product that has none.</summary>
public partial class RecipesPage
{
    private static readonly NewRecipeForm.Validator NewRecipeRules = new();

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private IReadOnlyList<RecipeSummary>? recipes;
    private IReadOnlyList<MaterialChoice> productsWithoutRecipe = [];
    private NewRecipeForm newRecipe = new();
    private bool creating;
    private string? createError;
    private bool busy;

    protected override async Task OnInitializedAsync() => recipes = await Recipes.ListAsync();

    private async Task StartCreatingAsync()
    {
        var withRecipe = (recipes ?? []).Select(r => r.ProductCode).ToHashSet();
        productsWithoutRecipe = (await Recipes.MaterialChoicesAsync())
            .Where(m => (m.Type is MaterialType.FinishedGood or MaterialType.Intermediate) && !withRecipe.Contains(m.Code))
            .ToList();
        newRecipe = new();
        createError = null;
        creating = true;
    }

    private string? UnitOf(string code) => productsWithoutRecipe.FirstOrDefault(p => p.Code == code)?.Unit;

    // The material master's name is a good start for the name printed on the record.
    private void ProductChosen()
    {
        if (string.IsNullOrWhiteSpace(newRecipe.ProductName) && productsWithoutRecipe.FirstOrDefault(p => p.Code == newRecipe.ProductCode) is { } product)
            newRecipe.ProductName = product.Name;
    }

    private async Task CreateAsync()
    {
        busy = true;
        createError = null;
        try
        {
            var by = AuditActor.Of((await AuthenticationState).User);
            var id = await Recipes.CreateDraftAsync(
                new NewRecipe(newRecipe.ProductCode, newRecipe.ProductName, newRecipe.StandardBatchSize ?? 0, newRecipe.Description), by);
            Navigation.NavigateTo($"/recipes/{id}/edit");
        }
        catch (DomainException ex)
        {
            createError = ex.Message;
        }
        finally
        {
            busy = false;
        }
    }
}

using Microsoft.AspNetCore.Components;
using PharmaMes.Domain.Common;
using PharmaMes.Infrastructure.Recipes;

namespace PharmaMes.Web.Components.Pages.Recipes;

/// <summary>
/// Compares two versions of one product's recipe. The versions live in the address (?a=&amp;b=), so a
/// reviewer can send the comparison on; without them the latest two versions are offered.
/// </summary>
public partial class RecipeComparePage
{
    private static readonly CompareForm.Validator Rules = new();

    [SupplyParameterFromQuery(Name = "a")]
    public Guid? A { get; set; }

    [SupplyParameterFromQuery(Name = "b")]
    public Guid? B { get; set; }

    private IReadOnlyList<RecipeSummary> all = [];
    private IReadOnlyList<string> products = [];
    private IReadOnlyList<RecipeSummary> versions = [];
    private string? product;
    private CompareForm form = new();
    private RecipeVersionComparison? comparison;
    private string? error;

    protected override async Task OnParametersSetAsync()
    {
        all = await Recipes.ListAsync();
        products = all.Select(r => r.ProductCode).Distinct().ToList();
        comparison = null;
        error = null;
        var from = all.FirstOrDefault(r => r.Id == A);
        var to = all.FirstOrDefault(r => r.Id == B);
        product = from?.ProductCode ?? to?.ProductCode ?? product;
        versions = VersionsOf(product);
        form = new CompareForm { From = from?.Id, To = to?.Id };
        if (from is null || to is null)
            return;
        try
        {
            comparison = await Recipes.CompareAsync(from.Id, to.Id);
        }
        catch (DomainException ex)
        {
            error = ex.Message;
        }
    }

    private IReadOnlyList<RecipeSummary> VersionsOf(string? code) => all.Where(r => r.ProductCode == code).OrderBy(r => r.Version).ToList();

    private void ProductChosen(ChangeEventArgs e)
    {
        product = e.Value?.ToString();
        versions = VersionsOf(product);
        // The usual question: what does the newest version change from the one before it?
        form = new CompareForm
        {
            From = versions.Count > 1 ? versions[^2].Id : null,
            To = versions.Count > 0 ? versions[^1].Id : null,
        };
        comparison = null;
        error = null;
    }

    private void Compare() => Navigation.NavigateTo($"/recipes/compare?a={form.From}&b={form.To}");
}

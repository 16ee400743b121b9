using Microsoft.AspNetCore.Components;
using PharmaMes.Domain.Common;

namespace PharmaMes.Web.Components.Pages.Recipes;

/// <summary>
/// What every draft editor form shares: the form it edits, the save it hands the form to, and the
/// refusal of that save (a rule of the domain) shown inside the form, next to what the author typed.
/// </summary>
public abstract class RecipeEditor<TForm> : ComponentBase
{
    [Parameter, EditorRequired]
    public TForm Form { get; set; } = default!;

    /// <summary>Saves the form; throws a DomainException to refuse it. The page re-renders after it, as after any event.</summary>
    [Parameter, EditorRequired]
    public EventCallback<TForm> OnSave { get; set; }

    [Parameter]
    public EventCallback OnCancel { get; set; }

    [Parameter]
    public string SaveLabel { get; set; } = "Save";

    /// <summary>True when an existing item is edited: its name (its identity in the recipe) is fixed.</summary>
    [Parameter]
    public bool Existing { get; set; }

    protected string? Refusal { get; private set; }

    protected bool Busy { get; private set; }

    protected async Task SaveAsync()
    {
        Busy = true;
        Refusal = null;
        try
        {
            await OnSave.InvokeAsync(Form);
        }
        catch (DomainException ex)
        {
            Refusal = ex.Message;
        }
        finally
        {
            Busy = false;
        }
    }
}

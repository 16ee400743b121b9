using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Recipes;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Recipes;

namespace PharmaMes.Web.Components.Pages.Recipes;

/// <summary>
/// Writes a Draft: header, steps (add, edit, move, remove), their parameters and checks, and the
/// bill of materials. One editor is open at a time; each save is one change of the recipe service,
/// refused as a whole when a rule of the domain says no (the refusal shows in the editor).
/// </summary>
public partial class RecipeEditPage
{
    [Parameter]
    public Guid Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private RecipeDetails? details;
    private IReadOnlyList<MaterialChoice> materials = [];
    private bool notFound;
    private AuditActor by = default!;

    // The one editor open, e.g. "header", "step-new", "step-3", "param-3-new", "check-3-Hardness", "bom-API-PARA".
    private string? open;
    private string? confirm;
    private HeaderForm headerForm = new();
    private StepForm stepForm = new();
    private ParameterForm parameterForm = new();
    private CheckForm checkForm = new();
    private MaterialLineForm materialForm = new();
    private string? feedback;
    private bool feedbackIsError;
    private bool busy;

    protected override async Task OnParametersSetAsync()
    {
        by = AuditActor.Of((await AuthenticationState).User);
        materials = await Recipes.MaterialChoicesAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        details = await Recipes.GetAsync(Id);
        notFound = details is null;
    }

    private MasterRecipe Recipe => details!.Recipe;

    private void Close()
    {
        open = null;
        confirm = null;
    }

    private void Open(string key)
    {
        open = key;
        confirm = null;
        feedback = null;
    }

    private void Ask(string key)
    {
        confirm = key;
        feedback = null;
    }

    private void EditHeader()
    {
        headerForm = HeaderForm.Of(Recipe);
        Open("header");
    }

    private void AddStep()
    {
        stepForm = new StepForm();
        Open("step-new");
    }

    private void EditStep(RecipeStep step)
    {
        stepForm = StepForm.Of(step);
        Open($"step-{step.Number}");
    }

    private void AddParameter(int stepNumber)
    {
        parameterForm = new ParameterForm();
        Open($"param-{stepNumber}-new");
    }

    private void EditParameter(int stepNumber, ProcessParameter parameter)
    {
        parameterForm = ParameterForm.Of(parameter);
        Open($"param-{stepNumber}-{parameter.Name}");
    }

    private void AddCheck(int stepNumber)
    {
        checkForm = new CheckForm();
        Open($"check-{stepNumber}-new");
    }

    private void EditCheck(int stepNumber, InProcessCheck check)
    {
        checkForm = CheckForm.Of(check);
        Open($"check-{stepNumber}-{check.Name}");
    }

    private void AddMaterial()
    {
        // Most materials go into the first step (dispensing) with the usual excipient tolerance.
        materialForm = new MaterialLineForm { StepNumber = 1, TolerancePercentBelow = 2, TolerancePercentAbove = 2 };
        Open("bom-new");
    }

    private void EditMaterial(BillOfMaterialsLine line)
    {
        materialForm = MaterialLineForm.Of(line);
        Open($"bom-{line.MaterialCode}");
    }

    private Task SaveHeaderAsync(HeaderForm form) =>
        SavedAsync(Recipes.ChangeHeaderAsync(Id, new RecipeHeader(form.ProductName, form.StandardBatchSize ?? 0, form.Description), by), "Header saved.");

    private Task AddStepAsync(StepForm form) =>
        SavedAsync(Recipes.AddStepAsync(Id, Step(form), by), $"Step {Recipe.Steps.Count + 1} {form.Name.Trim()} added.");

    private Task UpdateStepAsync(int number, StepForm form) =>
        SavedAsync(Recipes.UpdateStepAsync(Id, number, Step(form), by), $"Step {number} saved.");

    private Task AddParameterAsync(int stepNumber, ParameterForm form) =>
        SavedAsync(Recipes.AddParameterAsync(Id, stepNumber, Parameter(form), by), $"{form.Name.Trim()} added to step {stepNumber}.");

    private Task UpdateParameterAsync(int stepNumber, ParameterForm form) =>
        SavedAsync(Recipes.UpdateParameterAsync(Id, stepNumber, Parameter(form), by), $"{form.Name} saved.");

    private Task AddCheckAsync(int stepNumber, CheckForm form) =>
        SavedAsync(Recipes.AddCheckAsync(Id, stepNumber, Check(form), by), $"{form.Name.Trim()} added to step {stepNumber}.");

    private Task UpdateCheckAsync(int stepNumber, CheckForm form) =>
        SavedAsync(Recipes.UpdateCheckAsync(Id, stepNumber, Check(form), by), $"{form.Name} saved.");

    private Task AddMaterialAsync(MaterialLineForm form) =>
        SavedAsync(Recipes.AddMaterialAsync(Id, Material(form), by), $"{form.MaterialCode} added.");

    private Task UpdateMaterialAsync(MaterialLineForm form) =>
        SavedAsync(Recipes.UpdateMaterialAsync(Id, Material(form), by), $"{form.MaterialCode} saved.");

    /// <summary>A save from an editor: a refusal propagates to the editor, which shows it; a success closes it.</summary>
    private async Task SavedAsync(Task save, string done)
    {
        await save;
        Close();
        await LoadAsync();
        Show(done, error: false);
    }

    /// <summary>A change without a form (move, remove): its outcome shows in the bar at the foot of the screen.</summary>
    private async Task ActAsync(Func<Task> change, string done)
    {
        busy = true;
        try
        {
            await change();
            Close();
            await LoadAsync();
            Show(done, error: false);
        }
        catch (DomainException ex)
        {
            confirm = null;
            Show(ex.Message, error: true);
        }
        finally
        {
            busy = false;
        }
    }

    private void Show(string text, bool error)
    {
        feedback = text;
        feedbackIsError = error;
    }

    private static RecipeStepInput Step(StepForm form) =>
        new(form.Name, form.Instructions, form.RequiredEquipmentClass, form.RequiresVerification);

    private static ProcessParameterInput Parameter(ParameterForm form) =>
        new(form.Name, form.Unit, form.Target ?? 0, form.Low ?? 0, form.High ?? 0, form.CaptureTag, form.Capture);

    private static InProcessCheckInput Check(CheckForm form) => new(form.Name, form.Unit, form.Low ?? 0, form.High ?? 0);

    private static MaterialLineInput Material(MaterialLineForm form) =>
        new(form.MaterialCode, form.Quantity ?? 0, form.TolerancePercentBelow ?? 0, form.TolerancePercentAbove ?? 0, form.StepNumber ?? 0);
}

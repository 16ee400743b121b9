using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Materials;

namespace PharmaMes.Web.Components.Pages.Materials;

public partial class MaterialsPage
{
    [Inject]
    private IValidator<MaterialForm> Rules { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private IReadOnlyList<MaterialMasterView>? materials;
    private MaterialForm form = new();
    /// <summary>The code of the material in the form, or null while a new one is entered.</summary>
    private string? editing;
    private string? message;
    private bool messageIsError;
    private bool busy;

    protected override async Task OnInitializedAsync() => materials = await MaterialMaster.ListAsync();

    private void StartEditing(MaterialMasterView material)
    {
        editing = material.Code;
        form = MaterialForm.Of(material);
        message = null;
    }

    private void StartNew()
    {
        editing = null;
        form = new MaterialForm();
        message = null;
    }

    private async Task SaveAsync()
    {
        busy = true;
        try
        {
            var actor = AuditActor.Of((await AuthenticationState).User);
            var saved = editing is null
                ? await MaterialMaster.CreateAsync(form.ToData(), form.Reason, actor)
                : await MaterialMaster.UpdateAsync(form.ToData(), form.Reason, actor);
            message = editing is null ? $"Material {saved.Code} ({saved.Name}) was created." : $"Material {saved.Code} was changed.";
            messageIsError = false;
            editing = null;
            form = new MaterialForm();
            materials = await MaterialMaster.ListAsync();
        }
        catch (DomainException refused)
        {
            // The domain's own rules (a unit that cannot change while lots exist) answer here.
            message = refused.Message;
            messageIsError = true;
        }
        finally
        {
            busy = false;
        }
    }

    private static string TypeName(MaterialType type) => type switch
    {
        MaterialType.RawMaterial => "Raw material",
        MaterialType.FinishedGood => "Finished good",
        _ => type.ToString(),
    };

    private static string Amount(decimal value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
}

using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Recipes;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Recipes;
using PharmaMes.Infrastructure.Signatures;

namespace PharmaMes.Web.Components.Pages.Recipes;

/// <summary>
/// One version of a master batch record, as a reviewer reads it, with the actions its status and the
/// reader's role allow: edit a Draft, approve it with an e-signature, start a new version, withdraw.
/// A Draft shows what changed since the version before it, so the approver reviews the change.
/// </summary>
public partial class RecipePage
{
    private static readonly ObsoleteForm.Validator ObsoleteRules = new();

    [Parameter]
    public Guid Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private RecipeDetails? details;
    private RecipeVersionComparison? changes;
    private MasterRecipe? previousRecipe;
    private bool notFound;
    private bool signing;
    private bool obsoleting;
    private ObsoleteForm obsolete = new();
    private string? message;
    private bool messageIsError;
    private bool busy;

    /// <summary>The version just before this one, if any.</summary>
    private RecipeSummary? Previous =>
        details?.Versions.Where(v => v.Version < details.Recipe.Version).MaxBy(v => v.Version);

    private bool IsLatest => details is not null && details.Versions.All(v => v.Version <= details.Recipe.Version);

    private string ApprovalSubject
    {
        get
        {
            var recipe = details!.Recipe;
            var replaced = details.Versions.FirstOrDefault(v => v.Status == RecipeStatus.Approved && v.Id != recipe.Id);
            return $"Master batch record {recipe.ProductCode}, version {recipe.Version} — {recipe.ProductName}"
                + (replaced is null ? "" : $" (replaces version {replaced.Version}, which becomes Obsolete)");
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        message = null;
        signing = obsoleting = false;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        details = await Recipes.GetAsync(Id);
        notFound = details is null;
        // The approver reviews what changed; an approved or obsolete version is read as it is.
        changes = null;
        previousRecipe = null;
        if (details is { Recipe.Status: RecipeStatus.Draft } && Previous is { } previous)
        {
            changes = await Recipes.CompareAsync(previous.Id, Id);
            previousRecipe = (await Recipes.GetAsync(previous.Id))?.Recipe;
        }
    }

    /// <summary>The step of the same name in the version before, while a Draft is reviewed (steps are matched by name, as versions are compared).</summary>
    private RecipeStep? BeforeOf(RecipeStep step) =>
        previousRecipe?.Steps.FirstOrDefault(s => string.Equals(s.Name.Trim(), step.Name.Trim(), StringComparison.OrdinalIgnoreCase));

    private async Task<AuditActor> ActorAsync() => AuditActor.Of((await AuthenticationState).User);

    private async Task StartApprovingAsync()
    {
        var user = (await AuthenticationState).User;
        if (Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) && userId == details!.Recipe.AuthorId)
        {
            Show("You wrote this version: another QA person approves it (nobody approves their own work).", error: true);
            return;
        }
        message = null;
        signing = true;
    }

    /// <summary>Called by the signature dialog; a refused signature or rule is shown in the dialog.</summary>
    private async Task ApproveAsync(SignatureCredentials credentials, string? comment)
    {
        var replaced = details!.Versions.FirstOrDefault(v => v.Status == RecipeStatus.Approved && v.Id != Id);
        await Recipes.ApproveAsync(Id, credentials, await ActorAsync(), comment);
        signing = false;
        await LoadAsync();
        Show($"{details!.Recipe.Label} is approved and in force for new batches."
            + (replaced is null ? "" : $" Version {replaced.Version} is now Obsolete."), error: false);
    }

    private Task NewVersionAsync() => RunAsync(async () =>
    {
        var id = await Recipes.NewVersionAsync(Id, await ActorAsync());
        Navigation.NavigateTo($"/recipes/{id}/edit");
    });

    private Task MakeObsoleteAsync() => RunAsync(async () =>
    {
        await Recipes.MakeObsoleteAsync(Id, obsolete.Reason, await ActorAsync());
        obsoleting = false;
        obsolete = new();
        await LoadAsync();
        Show($"{details!.Recipe.Label} is obsolete: no new batch can be made with it.", error: false);
    });

    private async Task RunAsync(Func<Task> action)
    {
        busy = true;
        try
        {
            await action();
        }
        catch (DomainException ex)
        {
            Show(ex.Message, error: true);
        }
        finally
        {
            busy = false;
        }
    }

    private void Show(string text, bool error)
    {
        message = text;
        messageIsError = error;
    }
}

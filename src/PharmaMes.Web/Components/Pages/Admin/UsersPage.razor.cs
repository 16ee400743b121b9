using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using PharmaMes.Domain.Common;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Web.Components.Pages.Admin;

public partial class UsersPage
{
    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private IReadOnlyList<UserSummary>? users;
    private NewUserInput newUser = new();
    private Guid? editingRolesOf;
    private HashSet<string> editedRoles = [];
    private Guid? confirmDisable;
    private string? message;
    private bool messageIsError;
    private bool busy;

    protected override async Task OnInitializedAsync() => users = await Administration.ListAsync();

    private async Task<AuditActor> CurrentActorAsync() => AuditActor.Of((await AuthenticationState).User);

    private Task CreateAsync() => RunAsync(async () =>
    {
        var created = await Administration.CreateAsync(new NewUser(newUser.UserName, newUser.FullName, newUser.Password, newUser.Roles.ToList()), await CurrentActorAsync());
        newUser = new();
        return $"User {created.UserName} ({created.FullName}) was created.";
    });

    private void StartEditingRoles(UserSummary user)
    {
        editingRolesOf = user.Id;
        editedRoles = [.. user.Roles];
        confirmDisable = null;
    }

    private Task SaveRolesAsync(UserSummary user) => RunAsync(async () =>
    {
        await Administration.SetRolesAsync(user.Id, editedRoles.ToList(), await CurrentActorAsync());
        editingRolesOf = null;
        return $"The roles of {user.UserName} are now: {(editedRoles.Count == 0 ? "none" : string.Join(", ", editedRoles.Order()))}.";
    });

    private Task DisableAsync(UserSummary user) => RunAsync(async () =>
    {
        await Administration.DisableAsync(user.Id, await CurrentActorAsync());
        confirmDisable = null;
        return $"{user.UserName} is disabled and can no longer sign in. Open sessions end within a minute.";
    });

    private Task EnableAsync(UserSummary user) => RunAsync(async () =>
    {
        await Administration.EnableAsync(user.Id, await CurrentActorAsync());
        return $"{user.UserName} can sign in again.";
    });

    private Task UnlockAsync(UserSummary user) => RunAsync(async () =>
    {
        await Administration.UnlockAsync(user.Id, await CurrentActorAsync());
        return $"{user.UserName} is unlocked and can sign in again.";
    });

    /// <summary>Runs one change, shows its outcome, and re-reads the list.</summary>
    private async Task RunAsync(Func<Task<string>> change)
    {
        busy = true;
        try
        {
            message = await change();
            messageIsError = false;
        }
        catch (DomainException ex)
        {
            message = ex.Message;
            messageIsError = true;
        }
        finally
        {
            busy = false;
        }
        users = await Administration.ListAsync();
    }

    private static void Toggle(ICollection<string> roles, string role, bool on)
    {
        if (on) roles.Add(role);
        else roles.Remove(role);
    }

    private sealed class NewUserInput
    {
        [Required(ErrorMessage = "Enter a user name.")]
        [RegularExpression("^[a-zA-Z0-9._-]{3,64}$", ErrorMessage = "Use 3 to 64 letters, digits, '.', '-' or '_' (no spaces, no e-mail address).")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Enter the full name: it is printed in every signature.")]
        [StringLength(MesUser.FullNameMaxLength, ErrorMessage = "The full name must be at most 100 characters.")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Enter an initial password.")]
        [StringLength(200, MinimumLength = 12, ErrorMessage = "The password must be at least 12 characters.")]
        public string Password { get; set; } = "";

        [MinLength(1, ErrorMessage = "Give the user at least one role.")]
        public HashSet<string> Roles { get; set; } = [];
    }
}

using System.Security.Claims;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Signatures;

namespace PharmaMes.Web.Components.Shared;

/// <summary>
/// What a page that acts on GMP records keeps between clicks: whether an action runs, its outcome
/// message, and the signature it waits for. A refused signature keeps the dialog open with the
/// reason (the <see cref="SignatureDialog"/> shows it); any other broken rule closes it and shows
/// the rule's message. After every action the page re-reads what it shows.
/// </summary>
public sealed class SignedActions(Func<Task<ClaimsPrincipal>> user, Func<Task> reload)
{
    public bool Busy { get; private set; }
    public string? Message { get; private set; }
    public bool MessageIsError { get; private set; }
    /// <summary>The signature the page waits for: its meaning, what is signed, and the action it signs.</summary>
    public (SignatureMeaning Meaning, string What, Func<SignatureCredentials, Task> Sign)? Pending { get; private set; }

    /// <summary>Opens the signature dialog for an action that needs the signer's credentials.</summary>
    public void Ask(SignatureMeaning meaning, string what, Func<SignatureCredentials, AuditActor, Task<string>> action) =>
        Pending = (meaning, what, credentials => RunAsync(actor => action(credentials, actor), rethrowSigning: true));

    public void Cancel() => Pending = null;

    /// <summary>
    /// The dialog's OnSign: runs the pending action with the credentials entered. Pass it as a lambda
    /// (<c>OnSign="(c, m) => actions.SignAsync(c, m)"</c>) so the dialog runs it through the page, which re-renders.
    /// </summary>
    public async Task SignAsync(SignatureCredentials credentials, string? comment)
    {
        if (Pending is { } pending)
            await pending.Sign(credentials);
        Pending = null;
    }

    /// <summary>Runs an action as the signed-in person and keeps its outcome message.</summary>
    public async Task RunAsync(Func<AuditActor, Task<string>> action, bool rethrowSigning = false)
    {
        Busy = true;
        try
        {
            Message = await action(AuditActor.Of(await user()));
            MessageIsError = false;
        }
        catch (SignatureRefusedException) when (rethrowSigning)
        {
            throw;
        }
        catch (DomainException ex)
        {
            Message = ex.Message;
            MessageIsError = true;
            Pending = null;
        }
        finally
        {
            Busy = false;
        }
        await reload();
    }
}

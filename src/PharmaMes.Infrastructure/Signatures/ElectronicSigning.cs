using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Domain.Audit;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Identity;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Signatures;

/// <summary>
/// Applies electronic signatures (21 CFR 11.50, 11.70, 11.200, 11.300). The signer re-enters
/// user name and password at every signing; the user name must be that of the person signed in
/// (a signature is used only by its owner); a wrong password counts toward the account lock-out
/// like a failed sign-in. Every refused attempt is audited at once, in its own transaction, so it
/// stays recorded even though the action it was meant to sign does not happen. A successful
/// signature is added to the caller's context and saved with the action it signs.
/// </summary>
public sealed class ElectronicSigning(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<ElectronicSignature> SignAsync(MesDbContext db, AuditActor signedIn, SignatureCredentials credentials, SignatureRequest request,
        CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var identity = scope.ServiceProvider.GetRequiredService<MesDbContext>();
        // A lock-out changes the user's record: audited as done by the signing itself.
        identity.ActingFor(AuditActor.System("e-signature", $"Signing attempts as {signedIn.Name}"));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MesUser>>();

        var userName = credentials.UserName?.Trim() ?? "";
        if (userName.Length == 0 || string.IsNullOrEmpty(credentials.Password))
            throw await RefuseAsync(identity, signedIn, request, "Enter your user name and your password to sign.");
        if (!string.Equals(userName, signedIn.Name, StringComparison.OrdinalIgnoreCase))
            throw await RefuseAsync(identity, signedIn, request,
                $"Sign with your own user name ({signedIn.Name}). Another person signs at their own session.");
        var user = await users.FindByNameAsync(userName);
        if (user is null || user.Id != signedIn.UserId)
            throw await RefuseAsync(identity, signedIn, request, "The user name or password is not correct.");
        if (user.IsDisabled)
            throw await RefuseAsync(identity, signedIn, request, "Your account is disabled: you cannot sign.");
        if (await users.IsLockedOutAsync(user))
            throw await RefuseAsync(identity, signedIn, request, "Your account is locked after too many failed attempts. Ask an administrator, or wait and try again.");
        if (!await users.CheckPasswordAsync(user, credentials.Password))
        {
            await users.AccessFailedAsync(user);
            var left = users.Options.Lockout.MaxFailedAccessAttempts - await users.GetAccessFailedCountAsync(user);
            throw await RefuseAsync(identity, signedIn, request, await users.IsLockedOutAsync(user)
                ? "The password is not correct. Your account is now locked."
                : $"The password is not correct. {left} more failed attempt{(left == 1 ? "" : "s")} lock{(left == 1 ? "s" : "")} your account.");
        }
        await users.ResetAccessFailedCountAsync(user);

        var signature = new ElectronicSignature(user.Id, user.UserName!, user.FullName, request.Meaning, clock.GetUtcNow(),
            request.SubjectType, request.SubjectId, request.Content, request.Comment);
        db.Signatures.Add(signature);
        return signature;
    }

    private async Task<SignatureRefusedException> RefuseAsync(MesDbContext identity, AuditActor signedIn, SignatureRequest request, string why)
    {
        identity.RecordAuditEvent(new AuditRecord(clock.GetUtcNow(), signedIn.UserId, signedIn.Name, AuditAction.SignatureFailed,
            request.SubjectType, request.SubjectId.ToString(), null, request.Meaning.ToString(), null, why, signedIn.Reason));
        await identity.SaveChangesAsync();
        return new SignatureRefusedException(why);
    }
}

using System.Security.Claims;

namespace PharmaMes.Infrastructure.Audit;

/// <summary>
/// Who makes the changes a context is about to save, and why. Every save that touches audited
/// data needs one: a change nobody answers for is refused.
/// </summary>
public sealed record AuditActor(Guid? UserId, string Name, string? Reason = null)
{
    /// <summary>The system itself acting (device ingest, scheduled jobs, first set-up), named by its part.</summary>
    public static AuditActor System(string part, string? reason = null) => new(null, $"system: {part}", reason);

    /// <summary>The signed-in person (cookie) or machine client (API key) behind a request or circuit.</summary>
    public static AuditActor Of(ClaimsPrincipal principal, string? reason = null)
    {
        var name = principal.Identity?.IsAuthenticated == true ? principal.Identity.Name : null;
        if (string.IsNullOrWhiteSpace(name))
            throw new InvalidOperationException("Only a signed-in user or client can change GMP data.");
        var id = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : (Guid?)null;
        return new AuditActor(id, name).Because(reason);
    }

    /// <summary>The same actor giving a reason, which goes into every audit entry of the save: refused if it holds invisible control characters.</summary>
    public AuditActor Because(string? reason) =>
        Domain.Common.FreeText.Problem(reason) is { } problem
            ? throw new Domain.Common.DomainException($"The reason {problem}")
            : this with { Reason = reason };

    /// <summary>
    /// The same actor with the client address the change came from added to its reason, where one is known: credential
    /// changes say where they were made (21 CFR 11.10(d)).
    /// </summary>
    public AuditActor From(string? clientAddress) =>
        string.IsNullOrWhiteSpace(clientAddress) ? this : this with { Reason = $"{Reason ?? "Changed"} from {clientAddress.Trim()}" };
}

using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Signatures;

/// <summary>
/// The four-eyes rules of GMP in one place: nobody checks their own work. Each compares user ids,
/// never names, since two people may share a name.
/// </summary>
public static class SegregationOfDuties
{
    public static void EnsureApproverIsNotAuthor(Guid authorId, Guid approverId)
    {
        if (authorId == approverId)
            throw new DomainException("The author of a recipe cannot approve it.");
    }

    public static void EnsureVerifierIsNotPerformer(Guid? performerId, Guid verifierId)
    {
        if (performerId == verifierId)
            throw new DomainException("The person who performed a step cannot verify it: a second person must.");
    }

    /// <param name="executorIds">Everyone who started, performed or verified a step of the batch.</param>
    public static void EnsureReleaserDidNotExecute(IEnumerable<Guid> executorIds, Guid releaserId)
    {
        if (executorIds.Contains(releaserId))
            throw new DomainException("The QA who releases a batch must not have performed or verified any of its steps.");
    }
}

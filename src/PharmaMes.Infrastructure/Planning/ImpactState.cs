using PharmaMes.Domain.Planning;

namespace PharmaMes.Infrastructure.Planning;

/// <summary>
/// A schedule impact as the MES publishes it, retained on MQTT under <c>{root}/{site}/_mes/impacts/{id}</c>, for the
/// logistics and supply-chain systems that must act.
/// </summary>
public sealed record ImpactState(
    Guid Id,
    ImpactCause Cause,
    string Subject,
    string Description,
    DateTimeOffset RaisedAt,
    ImpactStatus Status,
    IReadOnlyList<string> HeldBatches,
    IReadOnlyList<ImpactedOrder> Orders)
{
    public static ImpactState Of(ScheduleImpact impact) =>
        new(impact.Id, impact.Cause, impact.Subject, impact.Description, impact.RaisedAt, impact.Status, impact.HeldBatches, impact.Orders);
}

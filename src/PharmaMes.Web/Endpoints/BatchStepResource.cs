using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;

namespace PharmaMes.Web.Endpoints;

/// <summary>A step of a batch: its state, the equipment it ran on, and who started, performed and verified it when.</summary>
public sealed record BatchStepResource(
    int Number,
    string Name,
    string Instructions,
    StepState State,
    EquipmentClass? RequiredEquipmentClass,
    bool RequiresVerification,
    string? Equipment,
    DateTimeOffset? StartedAt,
    string? StartedBy,
    DateTimeOffset? PerformedAt,
    string? PerformedBy,
    DateTimeOffset? VerifiedAt,
    string? VerifiedBy,
    DateTimeOffset? CompletedAt,
    string? SkipReason)
{
    public static BatchStepResource Of(BatchStep s) =>
        new(s.Number, s.Name, s.Instructions, s.State, s.RequiredEquipmentClass, s.RequiresVerification, s.EquipmentCode?.Value,
            s.StartedAt, s.StartedByName, s.PerformedAt, s.PerformedByName, s.VerifiedAt, s.VerifiedByName, s.CompletedAt, s.SkipReason);
}

namespace PharmaMes.Domain.Planning;

/// <summary>An operation as a proposal places it, beside where the schedule in force had it (null when it had not).</summary>
public sealed record ProposedOperation(
    string OrderNumber,
    int Step,
    string StepName,
    string Equipment,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? OldEquipment,
    DateTimeOffset? OldStart)
{
    public bool Moved => OldEquipment != Equipment || OldStart != Start;
}

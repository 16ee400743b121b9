namespace PharmaMes.Infrastructure.Planning;

/// <summary>One plan made: when, how, how good (total weighted tardiness), how long it took, and what it was made from.</summary>
public sealed record PlanningRun(DateTimeOffset PlannedAt, string Method, double WeightedTardinessMinutes, TimeSpan Took, PlantPlanningSnapshot Snapshot);

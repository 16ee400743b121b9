namespace PharmaMes.Domain.Planning;

/// <summary>When an order ends in a schedule, and how late that is (zero when on time).</summary>
public sealed record OrderOutcome(string OrderNumber, DateTimeOffset PlannedEnd, DateTimeOffset Due, TimeSpan Lateness, int Weight);

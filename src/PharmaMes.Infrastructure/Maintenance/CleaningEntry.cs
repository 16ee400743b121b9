using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Maintenance;

/// <summary>A cleaning as a person records it: method, agent, when it was finished, and any comment.</summary>
public sealed record CleaningEntry(CleaningMethod Method, string? CleaningAgent, DateTimeOffset CleanedAt, string? Comment);

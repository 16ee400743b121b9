namespace PharmaMes.Infrastructure.Production;

/// <summary>What an operator's action recorded: the batch record entry, and the quality exception it raised, if any.</summary>
public sealed record StepOutcome(int EntrySequence, string? Result, string? QualityExceptionNumber, string Message);

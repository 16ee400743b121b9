namespace PharmaMes.Domain.Common;

/// <summary>
/// A rule of the plant was broken. The message is written for the person who tried it
/// (operator, QA, planner), not for a developer.
/// </summary>
public class DomainException(string message) : Exception(message);

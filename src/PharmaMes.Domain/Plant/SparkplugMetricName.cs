using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Plant;

/// <summary>
/// The name a Sparkplug B metric has when it is not the tag's own name, e.g. <c>Motor/Speed</c>
/// from a gateway. Sparkplug metric names are free text, '/' included; kept exactly as given.
/// </summary>
public static class SparkplugMetricName
{
    public const int MaxLength = 200;

    /// <summary>The metric reserved for the equipment's state (a String metric), never a tag.</summary>
    public const string State = "state";

    /// <summary>The name as given, or null when none is given (the tag's name is then used).</summary>
    public static string? Optional(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        if (string.IsNullOrWhiteSpace(value))
            throw new DomainException("A Sparkplug metric name cannot be only spaces; leave it empty to use the tag's name.");
        if (value.Length > MaxLength)
            throw new DomainException($"A Sparkplug metric name must be at most {MaxLength} characters (got {value.Length}).");
        if (value.Any(char.IsControl))
            throw new DomainException("A Sparkplug metric name cannot hold control characters (line breaks, tabs).");
        if (value == State)
            throw new DomainException($"The Sparkplug metric '{State}' is the equipment's state, not a tag.");
        return value;
    }
}

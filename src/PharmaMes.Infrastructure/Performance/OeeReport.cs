using PharmaMes.Domain.Performance;

namespace PharmaMes.Infrastructure.Performance;

/// <summary>OEE of one equipment or line over a period, with the same figures per shift (or hour) within it.</summary>
public sealed record OeeReport(string Code, DateTimeOffset From, DateTimeOffset To, OeeFigures Figures, IReadOnlyList<OeePeriod> Periods)
{
    /// <summary>The line's name, or the equipment's.</summary>
    public string Name { get; init; } = "";
    /// <summary>For a line: each of its equipment over the whole period.</summary>
    public IReadOnlyList<OeeUnit> Units { get; init; } = [];
}

/// <summary>One equipment of a line and its figures.</summary>
public sealed record OeeUnit(string Code, string Name, OeeFigures Figures);

/// <summary>The figures of one shift occurrence or one hour; <see cref="Complete"/> once it has ended, when its figures are final.</summary>
public sealed record OeePeriod(string Name, DateTimeOffset Start, DateTimeOffset End, OeeFigures Figures)
{
    public bool Complete { get; init; }
}

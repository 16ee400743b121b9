namespace PharmaMes.Domain.Common;

/// <summary>Small checks shared by value objects and entities, each failing with a readable message.</summary>
internal static class Guard
{
    public static string Text(string? value, string what, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new DomainException($"{what} is required.");
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
            throw new DomainException($"{what} must be at most {maxLength} characters (got {trimmed.Length}).");
        if (FreeText.Problem(trimmed) is { } problem)
            throw new DomainException($"{what} {problem}");
        return trimmed;
    }

    public static string? OptionalText(string? value, string what, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(value, what, maxLength);

    public static decimal NotNegative(decimal value, string what) =>
        value < 0 ? throw new DomainException($"{what} cannot be negative (got {value}).") : value;

    public static decimal Percent(decimal percent, string what) =>
        percent is < 0 or > 100 ? throw new DomainException($"{what} must be from 0 to 100 % (got {percent}).") : percent;

    public static double Finite(double value, string what) =>
        double.IsFinite(value) ? value : throw new DomainException($"{what} must be a finite number.");
}

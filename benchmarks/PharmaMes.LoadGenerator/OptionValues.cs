using System.Globalization;

namespace PharmaMes.LoadGenerator;

/// <summary>The raw "--name value" pairs of one command line, read back as typed values.</summary>
internal sealed class OptionValues(IReadOnlyDictionary<string, string> values)
{
    public bool Has(string name) => values.ContainsKey(name);

    public string? String(string name) => values.GetValueOrDefault(name);

    public string String(string name, string fallback) => values.GetValueOrDefault(name) ?? fallback;

    public int? Int(string name) =>
        Parse(name, text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (int?)null, "a whole number");

    public long? Long(string name) =>
        Parse(name, text => long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (long?)null, "a whole number");

    public double? Double(string name) =>
        Parse(name, text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : (double?)null, "a number");

    /// <summary>A duration given in seconds (decimals allowed).</summary>
    public TimeSpan? Seconds(string name) => Double(name) is { } seconds
        ? seconds is > 0 and <= 31_536_000 ? TimeSpan.FromSeconds(seconds) : throw new UsageException($"option '{name}': '{values[name]}' must be a positive number of seconds (at most a year)")
        : null;

    private T? Parse<T>(string name, Func<string, T?> parse, string what) where T : struct
    {
        if (!values.TryGetValue(name, out var text))
            return null;
        return parse(text) ?? throw new UsageException($"option '{name}': '{text}' is not {what}");
    }
}

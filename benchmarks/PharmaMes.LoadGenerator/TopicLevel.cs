namespace PharmaMes.LoadGenerator;

/// <summary>
/// One level of a topic name. Codes become topic levels, so a '/', '+' or '#' in a code would
/// silently change the topic's shape; reject them up front instead.
/// </summary>
internal static class TopicLevel
{
    public static void Validate(string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException($"{what} must not be empty");
        if (value.AsSpan().IndexOfAny('/', '+', '#') >= 0)
            throw new ArgumentException($"{what} '{value}' must not contain '/', '+' or '#'");
    }
}

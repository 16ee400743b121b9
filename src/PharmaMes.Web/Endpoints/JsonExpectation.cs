using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace PharmaMes.Web.Endpoints;

/// <summary>What a JSON field of a request body should have held, in words a client's developer can act on.</summary>
internal static class JsonExpectation
{
    public static string At(Type? bodyType, string path, JsonException error)
    {
        var type = (bodyType is null ? null : TypeAt(bodyType, path)) ?? NamedIn(error.Message);
        // A value of the wrong type; anything else is JSON that is not well formed.
        if (type is not null && error.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            return Describe(type);
        var reason = error.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].Trim();
        return $"expected well-formed JSON: {reason}";
    }

    /// <summary>The target type System.Text.Json names in its message ("could not be converted to System.DateOnly"), when it is a system type.</summary>
    private static Type? NamedIn(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, @"converted to (?<type>[^\s]+)\.( |$)");
        return match.Success ? Type.GetType(match.Groups["type"].Value) : null;
    }

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(DateOnly))
            return "expected a date like 2026-12-05";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
            return "expected a date and time with its offset like 2026-12-05T08:00:00Z";
        if (type == typeof(TimeOnly))
            return "expected a time of day like 08:00";
        if (type == typeof(TimeSpan))
            return "expected a duration like 01:30:00";
        if (type == typeof(bool))
            return "expected true or false";
        if (type == typeof(Guid))
            return "expected an id like 0193a6f2-7c1e-7d3a-9b1f-2a4c6e8f0a1b";
        if (type.IsEnum)
            return $"expected one of {string.Join(", ", Enum.GetNames(type))}";
        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
            return "expected a whole number like 3";
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
            return "expected a number like 1250.5";
        if (type == typeof(string))
            return "expected text in quotes";
        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
            return "expected a list [ ... ]";
        return "expected an object { ... }";
    }

    /// <summary>The type of the property at a JSON path such as <c>$.lines[0].quantity</c>, or null when the body has no such field.</summary>
    private static Type? TypeAt(Type type, string path)
    {
        foreach (var segment in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment;
            var indexed = name.IndexOf('[');
            if (indexed >= 0)
                name = name[..indexed];
            if (name.Length > 0)
            {
                var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                if (property is null)
                    return null;
                type = property.PropertyType;
            }
            if (indexed >= 0)
            {
                if (ElementOf(type) is not { } element)
                    return null;
                type = element;
            }
        }
        return type;
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}

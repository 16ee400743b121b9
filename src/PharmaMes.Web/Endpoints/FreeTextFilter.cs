using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using PharmaMes.Domain.Common;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// Refuses a request whose text (route, query or body fields) holds characters no record may hold
/// (<see cref="FreeText"/>), before the endpoint runs: a validation problem naming each such field,
/// as the JSON or query names it. The domain refuses the same text from the pages.
/// </summary>
internal static class FreeTextFilter
{
    private const int MaxDepth = 6;

    // A request type's text-bearing properties with their JSON names, found once per type rather than on every request.
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name)[]> Fields = new();

    public static TBuilder RefuseUnsafeText<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var parameters = factory.MethodInfo.GetParameters();
            // The request's own types (a body, say), not the services the endpoint is given.
            var services = factory.ApplicationServices.GetService<IServiceProviderIsService>();
            var requests = parameters.Select(p => p.ParameterType.Namespace?.StartsWith("PharmaMes", StringComparison.Ordinal) == true
                && services?.IsService(p.ParameterType) != true).ToArray();
            return async context =>
            {
                var errors = new Dictionary<string, string[]>();
                for (var i = 0; i < parameters.Length && i < context.Arguments.Count; i++)
                {
                    var argument = context.Arguments[i];
                    if (argument is string text)
                        Check(text, parameters[i].Name ?? "value", errors);
                    else if (argument is not null && requests[i])
                        Walk(argument, "", errors, 0);
                }
                return errors.Count > 0
                    ? TypedResults.ValidationProblem(errors, title: "The request holds characters that may not be recorded")
                    : await next(context);
            };
        });

    private static void Walk(object value, string path, Dictionary<string, string[]> errors, int depth)
    {
        if (depth > MaxDepth)
            return;
        switch (value)
        {
            case string text:
                Check(text, path.Length == 0 ? "$" : path, errors);
                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    if (item is not null)
                        Walk(item, $"{path}[{index}]", errors, depth + 1);
                    index++;
                }
                return;
        }
        var type = value.GetType();
        if (type.Namespace?.StartsWith("PharmaMes", StringComparison.Ordinal) != true || type.IsEnum)
            return;
        foreach (var (property, name) in Fields.GetOrAdd(type, FieldsOf))
        {
            if (property.GetValue(value) is { } child)
                Walk(child, path.Length == 0 ? name : $"{path}.{name}", errors, depth + 1);
        }
    }

    private static (PropertyInfo, string)[] FieldsOf(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && !p.PropertyType.IsValueType)
            .Select(p => (p, JsonNamingPolicy.CamelCase.ConvertName(p.Name))),
    ];

    private static void Check(string text, string field, Dictionary<string, string[]> errors)
    {
        if (FreeText.Problem(text) is { } problem)
            errors[field] = [$"The text {problem}"];
    }
}

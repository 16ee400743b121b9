using System.Text.Json;
using FluentValidation.Results;

namespace PharmaMes.Web.Endpoints;

/// <summary>Validation failures as the <c>errors</c> object of a problem: keyed by the JSON field name, every message of each field.</summary>
internal static class ValidationErrors
{
    public static Dictionary<string, string[]> ToErrors(this ValidationResult result) =>
        result.Errors
            .GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
}

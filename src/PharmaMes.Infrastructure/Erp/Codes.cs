using PharmaMes.Domain.Common;

namespace PharmaMes.Infrastructure.Erp;

/// <summary>Reads a human code with the domain's own rules; text that cannot be such a code names nothing.</summary>
internal static class Codes
{
    public static bool TryParse<T>(string? text, Func<string, T> parse, out T value) where T : struct
    {
        try
        {
            value = parse(text ?? "");
            return true;
        }
        catch (DomainException)
        {
            value = default;
            return false;
        }
    }
}

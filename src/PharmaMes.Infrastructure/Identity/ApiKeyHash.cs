using System.Security.Cryptography;
using System.Text;

namespace PharmaMes.Infrastructure.Identity;

/// <summary>
/// Keys are 256 random bits, so one SHA-256 is enough to store them safely (a slow password
/// hash protects guessable secrets; these are not guessable), and it lets a key be found by its hash.
/// </summary>
internal static class ApiKeyHash
{
    public const string KeyPrefix = "pmes_";

    public static string NewKey() =>
        KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Of(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

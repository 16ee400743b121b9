using System.Security.Cryptography;
using System.Text;

namespace PharmaMes.Domain.Signatures;

/// <summary>
/// The canonical text of what is signed, and its SHA-256 hash. A signature stores the hash;
/// showing the signature recomputes it from the record as it is now, so any later change to
/// the signed content shows the signature as invalid (21 CFR 11.70).
/// </summary>
public sealed class SignedContent
{
    private readonly StringBuilder _text = new();

    /// <summary>Adds one named value; names and values are separated so that no two contents collide.</summary>
    public SignedContent Add(string name, object? value)
    {
        var text = value switch
        {
            null => "",
            DateTimeOffset at => at.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        _text.Append(name.Length).Append(':').Append(name).Append('=').Append(text.Length).Append(':').Append(text).Append('\n');
        return this;
    }

    public string Text => _text.ToString();

    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)));
}

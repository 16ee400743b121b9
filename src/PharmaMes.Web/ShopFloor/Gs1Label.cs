using System.Globalization;

namespace PharmaMes.Web.ShopFloor;

/// <summary>
/// A GS1 barcode read from a container label (GS1-128 or GS1 DataMatrix) by a keyboard-wedge scanner: the
/// GTIN (AI 01), the batch or lot (AI 10), the expiry date (AI 17) and the count (AI 30 or 37); or from an
/// equipment's asset label, its individual asset identifier (GIAI, AI 8004). Scanners
/// send it raw (with a symbology prefix such as <c>]C1</c>/<c>]d2</c> and the group separator between
/// variable-length fields) or as printed under the bars, with the AIs in parentheses.
/// </summary>
public sealed record Gs1Label(string? Gtin, string? Lot, DateOnly? Expiry, int? Count)
{
    private const char GroupSeparator = '\u001d';

    /// <summary>The asset identifier (8004) of an equipment label: the plant's equipment code.</summary>
    public string? Asset { get; init; }

    /// <summary>Whether the text is a GS1 element string rather than a plain lot number typed or scanned from a 1D label.</summary>
    public static bool Looks(string? text)
    {
        var t = Strip(text);
        return t.StartsWith("(01)", StringComparison.Ordinal) || t.StartsWith("(10)", StringComparison.Ordinal) || t.StartsWith("(8004)", StringComparison.Ordinal)
            || (text ?? "").StartsWith("]C1", StringComparison.Ordinal) || (text ?? "").StartsWith("]d2", StringComparison.Ordinal)
            || (text ?? "").StartsWith("]Q3", StringComparison.Ordinal) || t.Contains(GroupSeparator)
            || t.Length > 16 && t.StartsWith("01", StringComparison.Ordinal) && t[2..16].All(char.IsAsciiDigit);
    }

    /// <summary>Reads the label; on failure says which part is wrong.</summary>
    public static bool TryParse(string? text, out Gs1Label label, out string? error)
    {
        label = new Gs1Label(null, null, null, null);
        error = null;
        var t = Strip(text);
        string? gtin = null, lot = null, asset = null;
        DateOnly? expiry = null;
        int? count = null;
        var fields = t.StartsWith('(') ? Bracketed(t) : Raw(t);
        if (fields is null)
        {
            error = "The barcode is not a GS1 label this terminal can read (application identifiers 01, 10, 17, 30, 37, 8004).";
            return false;
        }
        foreach (var (ai, value) in fields)
        {
            switch (ai)
            {
                case "01":
                    if (value.Length != 14 || !value.All(char.IsAsciiDigit) || CheckDigit(value[..13]) != value[13] - '0')
                    {
                        error = $"The GTIN (01) {value} on the label is not valid: its check digit does not match.";
                        return false;
                    }
                    gtin = value;
                    break;
                case "10":
                    if (value.Length is 0 or > 20)
                    {
                        error = "The lot (10) on the label is empty or longer than 20 characters.";
                        return false;
                    }
                    lot = value;
                    break;
                case "17":
                    if (!TryExpiry(value, out var date))
                    {
                        error = $"The expiry (17) '{value}' on the label is not a date (YYMMDD).";
                        return false;
                    }
                    expiry = date;
                    break;
                case "30" or "37":
                    if (value.Length is 0 or > 8 || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    {
                        error = $"The count ({ai}) '{value}' on the label is not a number.";
                        return false;
                    }
                    count = n;
                    break;
                case "8004":
                    if (value.Length is 0 or > 30)
                    {
                        error = "The asset identifier (8004) on the label is empty or longer than 30 characters.";
                        return false;
                    }
                    asset = value;
                    break;
                default:
                    // Other AIs (serial numbers, weights, dates) are on many labels; the step does not use them.
                    break;
            }
        }
        label = new Gs1Label(gtin, lot, expiry, count) { Asset = asset };
        return true;
    }

    private static string Strip(string? text)
    {
        var t = (text ?? "").Trim();
        foreach (var prefix in new[] { "]C1", "]d2", "]Q3", "]e0" })
            if (t.StartsWith(prefix, StringComparison.Ordinal))
                return t[prefix.Length..];
        return t;
    }

    /// <summary>"(01)09506000134352(10)PVP-24-0042(17)271231".</summary>
    private static List<(string Ai, string Value)>? Bracketed(string t)
    {
        var fields = new List<(string, string)>();
        var i = 0;
        while (i < t.Length)
        {
            if (t[i] != '(')
                return null;
            var close = t.IndexOf(')', i);
            if (close < 0)
                return null;
            var ai = t[(i + 1)..close];
            var next = t.IndexOf('(', close);
            var value = next < 0 ? t[(close + 1)..] : t[(close + 1)..next];
            fields.Add((ai, value.Trim()));
            i = next < 0 ? t.Length : next;
        }
        return fields.Count == 0 ? null : fields;
    }

    /// <summary>Raw element string: fixed-length AIs run on, variable-length ones end at a group separator or the end.</summary>
    private static List<(string Ai, string Value)>? Raw(string t)
    {
        var fields = new List<(string, string)>();
        var i = 0;
        while (i < t.Length)
        {
            if (t[i] == GroupSeparator)
            {
                i++;
                continue;
            }
            if (i + 2 > t.Length)
                return null;
            var ai = t.Substring(i, 2);
            i += 2;
            int? fixedLength = ai switch { "01" or "02" => 14, "11" or "13" or "15" or "17" => 6, "00" => 18, _ => null };
            if (ai.StartsWith('3') && ai != "30" && ai != "37")
            {
                // 31nn-36nn (measures): four-digit AI with six digits.
                if (i + 8 > t.Length)
                    return null;
                ai = t.Substring(i - 2, 4);
                i += 2;
                fixedLength = 6;
            }
            if (ai == "80" && i + 2 <= t.Length && t.Substring(i, 2) == "04")
            {
                // 8004 (GIAI): a four-digit AI, variable length.
                ai = "8004";
                i += 2;
            }
            if (fixedLength is { } length)
            {
                if (i + length > t.Length)
                    return null;
                fields.Add((ai, t.Substring(i, length)));
                i += length;
            }
            else
            {
                if (ai is not ("10" or "21" or "22" or "30" or "37" or "8004") && ai[0] != '9')
                    return fields.Count == 0 ? null : fields;
                var end = t.IndexOf(GroupSeparator, i);
                var value = end < 0 ? t[i..] : t[i..end];
                fields.Add((ai, value));
                i = end < 0 ? t.Length : end + 1;
            }
        }
        return fields.Count == 0 ? null : fields;
    }

    private static bool TryExpiry(string value, out DateOnly date)
    {
        date = default;
        if (value.Length != 6 || !value.All(char.IsAsciiDigit))
            return false;
        var year = 2000 + int.Parse(value[..2], CultureInfo.InvariantCulture);
        var month = int.Parse(value[2..4], CultureInfo.InvariantCulture);
        var day = int.Parse(value[4..], CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
            return false;
        // Day 00 means the end of the month (GS1 General Specifications 3.4.5).
        var last = DateTime.DaysInMonth(year, month);
        if (day > last)
            return false;
        date = new DateOnly(year, month, day == 0 ? last : day);
        return true;
    }

    /// <summary>The GS1 mod-10 check digit of the first 13 digits of a GTIN-14.</summary>
    private static int CheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
            sum += (digits[digits.Length - 1 - i] - '0') * (i % 2 == 0 ? 3 : 1);
        return (10 - sum % 10) % 10;
    }
}

namespace PharmaMes.Domain.Common;

/// <summary>
/// What text written into a record may hold. Control characters (NUL, BEL, ESC...) and the Unicode
/// bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused: invisible on a
/// screen, they make a record print, export or compare differently from what the reader saw (a reason
/// shown reversed, a name hiding text). Tab and line breaks are allowed: reasons and notes run over lines.
/// </summary>
public static class FreeText
{
    /// <summary>Why the text may not be recorded (to follow the field's name), or null when it may.</summary>
    public static string? Problem(string? text)
    {
        if (text is null)
            return null;
        foreach (var c in text)
        {
            if (IsBidirectionalControl(c))
                return $"contains an invisible text-direction character (U+{(int)c:X4}), which may not be recorded: type the text again without it.";
            if (char.IsControl(c) && c is not '\t' and not '\r' and not '\n')
                return $"contains a control character (U+{(int)c:X4}), which may not be recorded: type the text again without it.";
        }
        return null;
    }

    private static bool IsBidirectionalControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}

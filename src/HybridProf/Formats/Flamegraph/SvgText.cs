using System.Text;

namespace HybridProf.Formats.Flamegraph;

/// <summary>XML text helpers for the SVG writer.</summary>
internal static class SvgText
{
    /// <summary>
    /// Escapes text for element content and double- or single-quoted attributes. Characters XML 1.0
    /// cannot hold at all (most control characters, unpaired surrogates) become U+FFFD, so a strange
    /// frame name can never make the whole file unreadable.
    /// </summary>
    public static string Escape(string text)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            string? replacement = ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                _ when IsInvalidXml(text, i) => "\uFFFD",
                _ => null,
            };
            if (replacement is null && sb is null)
                continue;
            sb ??= new StringBuilder(text, 0, i, text.Length + 16);
            if (replacement is null)
                sb.Append(ch);
            else
                sb.Append(replacement);
        }
        return sb?.ToString() ?? text;
    }

    /// <summary>
    /// Wraps a script or style sheet in CDATA; a literal <c>]]&gt;</c> inside is split across two
    /// sections, the one sequence that would otherwise end the section early.
    /// </summary>
    public static string CData(string content) =>
        "<![CDATA[\n" + content.Replace("]]>", "]]]]><![CDATA[>") + "\n]]>";

    private static bool IsInvalidXml(string text, int i)
    {
        char ch = text[i];
        if (ch < 0x20)
            return ch != '\t' && ch != '\n' && ch != '\r';
        if (char.IsHighSurrogate(ch))
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        if (char.IsLowSurrogate(ch))
            return i == 0 || !char.IsHighSurrogate(text[i - 1]);
        return ch == '\uFFFE' || ch == '\uFFFF';
    }
}

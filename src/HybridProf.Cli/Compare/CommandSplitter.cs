using HybridProf.Cli.Commands;

namespace HybridProf.Cli.Compare;

/// <summary>
/// Splits a command given as one string (<c>--plain "dotnet bin/App.dll arg"</c>) into its
/// arguments the way a POSIX shell would for plain words and quotes: whitespace separates,
/// '…' keeps everything literally, "…" keeps spaces and honours \" and \\. No variables, no globs.
/// </summary>
internal static class CommandSplitter
{
    /// <exception cref="UsageException">A quote is not closed or nothing is left.</exception>
    public static string[] Split(string text, string optionName)
    {
        var args = new List<string>();
        var current = new System.Text.StringBuilder();
        bool inWord = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                    args.Add(current.ToString());
                current.Clear();
                inWord = false;
                continue;
            }
            inWord = true;
            if (c == '\'')
                i = ReadUntil(text, i, '\'', current, optionName, escapes: false);
            else if (c == '"')
                i = ReadUntil(text, i, '"', current, optionName, escapes: true);
            else if (c == '\\' && i + 1 < text.Length)
                current.Append(text[++i]);
            else
                current.Append(c);
        }
        if (inWord)
            args.Add(current.ToString());
        return args.Count > 0 ? args.ToArray() : throw new UsageException($"{optionName} needs a command, e.g. {optionName} \"dotnet bin/plain/MyApp.dll\"");
    }

    // Appends the quoted text after the quote at `open`; returns the index of the closing quote.
    private static int ReadUntil(string text, int open, char quote, System.Text.StringBuilder into, string optionName, bool escapes)
    {
        for (int i = open + 1; i < text.Length; i++)
        {
            if (text[i] == quote)
                return i;
            if (escapes && text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
                i++;
            into.Append(text[i]);
        }
        throw new UsageException($"{optionName}: the quote {quote} at position {open + 1} of '{text}' is never closed");
    }
}

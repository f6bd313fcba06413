using HybridProf.Cli.Commands;

namespace HybridProf.Cli.Tune;

/// <summary>
/// A tune list as <c>hybridprof tune</c> keeps it: the user's part, kept line for line, and, after
/// the line that starts with <see cref="SectionStart"/>, the part the tool rewrites on each run.
/// The build reads both alike: one frame name per line, <c>#</c> starts a comment.
/// </summary>
internal sealed class TuneListFile
{
    /// <summary>Starts the line above the tool's part; everything before it is the user's.</summary>
    public const string SectionStart = "# hybridprof tune:";

    /// <summary>What a new list starts with, in the user's part, so a reader knows what the file is.</summary>
    public static readonly IReadOnlyList<string> Preamble =
    [
        "# HybridProf tune list: methods the build leaves unmarked, so their time counts to their caller.",
        "# One frame name per line, exactly as profiles show it; '#' starts a comment. Add names of your own",
        "# above the line \"" + SectionStart + " ...\": `hybridprof tune` rewrites only what follows it.",
    ];

    // A list is short; a large file is something else, and is not read whole to find out.
    private const long MaxBytes = 1 << 20;

    private TuneListFile(IReadOnlyList<string> userLines, IReadOnlyList<string> toolLines, bool exists)
    {
        UserLines = userLines;
        ToolLines = toolLines;
        Exists = exists;
    }

    /// <summary>The user's part, as written (the preamble of a list the tool started included).</summary>
    public IReadOnlyList<string> UserLines { get; }

    /// <summary>The tool's part after its first line, as written.</summary>
    public IReadOnlyList<string> ToolLines { get; }

    public bool Exists { get; }

    public IEnumerable<string> UserNames => UserLines.Select(NameOf).OfType<string>();

    public IEnumerable<string> ToolNames => ToolLines.Select(NameOf).OfType<string>();

    /// <summary>The list at <paramref name="path"/>; an empty one when there is no such file.</summary>
    /// <exception cref="UsageException">The file is not a tune list, or cannot be read.</exception>
    public static TuneListFile Load(string path)
    {
        if (Directory.Exists(path))
            throw new UsageException($"'{path}' is a folder; give the tune list's file name with -o");
        if (!File.Exists(path))
            return new TuneListFile([], [], exists: false);
        if (new FileInfo(path).Length > MaxBytes)
            throw NotATuneList(path, $"it is larger than {MaxBytes / 1024} KiB");
        try
        {
            return Parse(File.ReadAllText(path), path);
        }
        catch (IOException e)
        {
            throw new UsageException($"cannot read '{path}': {e.Message}");
        }
    }

    /// <exception cref="UsageException">A line is neither blank, a comment nor a frame name.</exception>
    public static TuneListFile Parse(string text, string path)
    {
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length > 0 && lines[^1].Length == 0)
            lines = lines[..^1];
        for (int i = 0; i < lines.Length; i++)
        {
            if (NameOf(lines[i]) is { } name && !LooksLikeFrameName(name))
                throw NotATuneList(path, $"line {i + 1}, '{Excerpt(lines[i])}', is not a frame name");
        }
        int section = Array.FindIndex(lines, l => l.StartsWith(SectionStart, StringComparison.Ordinal));
        return section < 0
            ? new TuneListFile(lines, [], exists: true)
            : new TuneListFile(lines[..section], lines[(section + 1)..], exists: true);
    }

    /// <summary>The name a line gives, as the build reads it: up to a <c>#</c>, trimmed; null for blank and comment lines.</summary>
    public static string? NameOf(string line)
    {
        int comment = line.IndexOf('#');
        string name = (comment >= 0 ? line[..comment] : line).Trim();
        return name.Length == 0 ? null : name;
    }

    /// <summary>The whole file with the tool's part replaced by <paramref name="sectionTitle"/> and <paramref name="toolLines"/>.</summary>
    public string Render(string sectionTitle, IEnumerable<string> toolLines)
    {
        var lines = new List<string>(Exists ? UserLines : [.. Preamble, ""]);
        lines.Add(SectionStart + " " + sectionTitle);
        lines.AddRange(toolLines);
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>
    /// Whether a line reads like a frame name (<c>Ns.Type.Method</c>, <c>Shop.Cache&lt;K, V&gt;.Get</c>,
    /// <c>Vec.operator +</c>, <c>Calc.Lexer.Read(int)</c>): a dotted name up to the first space
    /// or bracket. Text, markup or code files fail it on their first line of prose or code, so
    /// such a file given to <c>-o</c> is never overwritten.
    /// </summary>
    public static bool LooksLikeFrameName(string name)
    {
        if (name.Any(char.IsControl))
            return false;
        int end = name.IndexOfAny([' ', '(', '<', '[']);
        string head = end < 0 ? name : name[..end];
        return head.Contains('.') && !head.StartsWith('.') && !head.EndsWith('.') &&
            head.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '~' or '@' or '`');
    }

    private static UsageException NotATuneList(string path, string why) =>
        new($"'{path}' is not a tune list ({why}); nothing was run or written. Give another file with -o, or move it away.");

    private static string Excerpt(string line)
    {
        string shown = new(line.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return shown.Length <= 40 ? shown : shown[..40] + "…";
    }
}

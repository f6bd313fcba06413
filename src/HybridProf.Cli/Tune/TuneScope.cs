namespace HybridProf.Cli.Tune;

/// <summary>
/// The functions a tune list may name: those whose source lies under the list's folder, the
/// project the build reads it for. Another project's functions (a library built with its own
/// list) and synthetic frames stay marked whatever this list says; their calls still cost.
/// </summary>
/// <param name="Functions">The functions the list may name.</param>
/// <param name="OtherCalls">Calls of every other marked function, listed in the report or not.</param>
/// <param name="Folder">The list's folder.</param>
internal sealed record TuneScope(IReadOnlyList<FunctionCalls> Functions, long OtherCalls, string Folder)
{
    public static TuneScope Of(CallCounts counts, string folder)
    {
        string prefix = Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
        var mine = counts.Functions
            .Where(f => f.File is { } file && Path.GetFullPath(file).StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
        return new TuneScope(mine, counts.TotalCalls - mine.Sum(f => f.Calls), folder);
    }
}

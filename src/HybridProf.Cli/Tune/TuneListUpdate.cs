namespace HybridProf.Cli.Tune;

/// <summary>
/// The tool's part of a tune list after a run, and how it differs from before. A name the list
/// already left out is missing from the run's profile (the build left it unmarked), so the run
/// says nothing about it: it stays, or every second run would put it back. A name that was
/// chosen before and is in the profile again (the list was not built, or a pin kept it) is
/// decided afresh. Names of the user's part are never repeated in the tool's part.
/// </summary>
/// <param name="ToolLines">The new tool part: this run's choices, then the earlier ones it could not judge.</param>
/// <param name="Added">Names chosen now that the tool's part did not have.</param>
/// <param name="Removed">Names of the tool's part the run saw and did not choose again.</param>
/// <param name="Kept">Names of the tool's part the run did not see, kept as they were.</param>
internal sealed record TuneListUpdate(IReadOnlyList<string> ToolLines, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Kept)
{
    /// <param name="list">The list as it is.</param>
    /// <param name="chosen">This run's choices, each with the comment that says why.</param>
    /// <param name="seen">Every function name in the run's profile.</param>
    public static TuneListUpdate Of(TuneListFile list, IReadOnlyList<(string Name, string Why)> chosen, IReadOnlySet<string> seen)
    {
        var userNames = list.UserNames.ToHashSet(StringComparer.Ordinal);
        var before = list.ToolNames.ToHashSet(StringComparer.Ordinal);
        var lines = new List<string>();
        var written = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (name, why) in chosen)
        {
            if (!userNames.Contains(name) && written.Add(name))
                lines.Add($"{name}  # {why}");
        }
        var kept = new List<string>();
        foreach (string line in list.ToolLines)
        {
            if (TuneListFile.NameOf(line) is not { } name)
                continue;
            if (!seen.Contains(name) && !userNames.Contains(name) && written.Add(name))
            {
                lines.Add(line);
                kept.Add(name);
            }
        }
        var added = chosen.Select(c => c.Name).Where(n => written.Contains(n) && !before.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
        var removed = list.ToolNames.Where(n => !written.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
        return new TuneListUpdate(lines, added, removed, kept);
    }
}
